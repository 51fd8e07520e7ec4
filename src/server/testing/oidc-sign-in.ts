// The browser's part of an OpenID Connect sign-in in server tests: Silta's start, the in-test provider,
// and Silta's callback, with the cookies a browser would carry.
import { expect } from 'vitest';
import type { OidcConfig } from '../config.js';
import { OIDC_FLOW_COOKIE } from '../auth/oidc-routes.js';
import type { Harness } from './harness.js';
import type { TestProvider } from './oidc-test-provider.js';

export const oidcSettings = (provider: TestProvider, overrides: Partial<OidcConfig> = {}): OidcConfig => ({
  issuer: provider.issuer,
  clientId: provider.clientId,
  clientSecret: provider.clientSecret,
  redirectUri: provider.redirectUri,
  linkClaim: 'sub',
  roleMapping: null,
  allowHttpIssuer: true,
  ...overrides,
});

export async function linkAccount(h: Harness, provider: TestProvider, userId: string, subject: string): Promise<void> {
  await h.db.withRawSession((s) => s.query('update users set oidc_issuer = $1, oidc_subject = $2 where id = $3', [provider.issuer, subject, userId]));
}

/** Silta's start and the provider's pages, up to the redirect back to Silta's callback (not yet called). */
export async function goToProvider(h: Harness, provider: TestProvider, account: string) {
  const start = await h.app.inject({ method: 'GET', url: '/api/auth/oidc/start' });
  expect(start.statusCode).toBe(302);
  const flowCookie = start.cookies.find((c) => c.name === OIDC_FLOW_COOKIE);
  expect(flowCookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
  provider.signInAs(account);
  const back = await provider.browse(start.headers.location as string);
  expect(back.pathname).toBe('/api/auth/oidc/callback');
  return { flow: flowCookie!.value, callback: `${back.pathname}${back.search}`, back };
}

export const callOidcCallback = (h: Harness, url: string, flow: string | undefined) =>
  h.app.inject({ method: 'GET', url, cookies: flow ? { [OIDC_FLOW_COOKIE]: flow } : {} });

/** The whole round trip; answers the callback's response. */
export async function signInThroughProvider(h: Harness, provider: TestProvider, account: string) {
  const { flow, callback } = await goToProvider(h, provider, account);
  return callOidcCallback(h, callback, flow);
}
