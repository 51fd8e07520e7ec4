// An OpenID Connect provider for tests: `oidc-provider` in this process, on 127.0.0.1 and a free port,
// so no test reaches the network. Its login and consent are answered at once for whichever account the
// test names (no pages, no forms), and `browse` plays the browser's part between Silta and the provider.
// With `interactive`, the provider shows its own development login and consent pages instead, for a
// real browser to fill in (any login name and password sign in as that account).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export type TestProvider = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  /** Who signs in at the provider next. */
  signInAs(accountId: string): void;
  /** The names in an account's `groups` claim from now on (none unless set). */
  setGroups(accountId: string, groups: string[]): void;
  /**
   * Follows the provider's redirects from Silta's authorization URL, signing in and consenting on the
   * way, and returns the URL the provider sends the browser back to (Silta's callback, not followed).
   */
  browse(authorizationUrl: string): Promise<URL>;
  close(): Promise<void>;
};

export const TEST_REDIRECT_URI = 'http://localhost:3000/api/auth/oidc/callback';

export type TestProviderOptions = {
  /** Silta's callback as the provider knows it; TEST_REDIRECT_URI unless given. */
  redirectUri?: string;
  /** The provider's own login and consent pages (oidc-provider's development interactions). */
  interactive?: boolean;
};

export async function startTestProvider(options: TestProviderOptions = {}): Promise<TestProvider> {
  let nextAccount = 'nobody';
  const groups = new Map<string, string[]>();
  const redirectUri = options.redirectUri ?? TEST_REDIRECT_URI;
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = 'silta-test';
  const clientSecret = 'a client secret only this test knows';
  const provider = new Provider(issuer, {
    clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: [redirectUri], response_types: ['code'], grant_types: ['authorization_code'] }],
    cookies: { keys: ['test cookie key'] },
    // The groups come with `openid`, as an organisation's provider configured for Silta sends them.
    claims: { openid: ['sub', 'groups'], email: ['email', 'email_verified'] },
    // The ID token carries the scope's claims (as most organisations' providers do), not only userinfo.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: options.interactive === true } },
    pkce: { required: () => true },
    ttl: { Interaction: 600, Session: 600, Grant: 600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    findAccount: (_ctx, sub) => ({
      accountId: sub,
      claims: () => ({ sub, email: `${sub}@org.example`, email_verified: true, groups: groups.get(sub) ?? [] }),
    }),
  });
  const callback = provider.callback();
  server.on('request', (req, res) => {
    if (options.interactive || !req.url?.startsWith('/interaction/')) return void callback(req, res);
    // The provider's interaction (login, then consent) answered for the chosen account.
    void (async () => {
      const details = await provider.interactionDetails(req, res);
      if (details.prompt.name === 'login') {
        await provider.interactionFinished(req, res, { login: { accountId: nextAccount } }, { mergeWithLastSubmission: false });
        return;
      }
      const grant = new provider.Grant({ accountId: details.session!.accountId, clientId: details.params.client_id as string });
      grant.addOIDCScope(String(details.params.scope));
      const grantId = await grant.save();
      await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
    })().catch((error: unknown) => {
      res.statusCode = 500;
      res.end(String(error));
    });
  });

  async function browse(authorizationUrl: string): Promise<URL> {
    const jar = new Map<string, string>();
    let url = new URL(authorizationUrl);
    for (let hop = 0; hop < 10; hop++) {
      if (url.origin !== issuer) return url;
      const response = await fetch(url, { redirect: 'manual', headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } });
      for (const line of response.headers.getSetCookie()) {
        const [pair] = line.split(';');
        const at = pair!.indexOf('=');
        const name = pair!.slice(0, at);
        const value = pair!.slice(at + 1);
        if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) jar.delete(name);
        else jar.set(name, value);
      }
      const location = response.headers.get('location');
      if (!location) throw new Error(`the provider answered ${response.status} without a redirect: ${await response.text()}`);
      url = new URL(location, url);
    }
    throw new Error('too many redirects at the provider');
  }

  return {
    issuer,
    clientId,
    clientSecret,
    redirectUri,
    signInAs: (accountId) => void (nextAccount = accountId),
    setGroups: (accountId, names) => void groups.set(accountId, names),
    browse,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
