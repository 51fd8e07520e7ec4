import * as oidc from 'openid-client';
import { and, eq, lt } from 'drizzle-orm';
import type { OidcConfig } from '../config.js';
import { users } from '../db/schema.js';
import { oidcFlows } from '../db/schema-signin.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { writeAudit } from '../audit/write-audit.js';
import { openSignedInSession, type RequestContext, type SignedIn } from './commands.js';
import { deleteSession, hashToken } from './sessions.js';
import { addressKey, addressRule, countAttempt, refundAttempt } from './throttle.js';
import { applyRoleMapping } from './oidc-roles.js';

/** How long a sign-in at the provider may take, from Silta's redirect to the provider's answer. */
const FLOW_MINUTES = 10;

// Discovery (the provider's metadata) is read once per process and setting; a failure is not kept, so
// a provider that was down at the first sign-in is asked again at the next.
const discovered = new WeakMap<OidcConfig, Promise<oidc.Configuration>>();

function providerOf(settings: OidcConfig): Promise<oidc.Configuration> {
  let pending = discovered.get(settings);
  if (!pending) {
    pending = oidc.discovery(new URL(settings.issuer), settings.clientId, undefined, oidc.ClientSecretBasic(settings.clientSecret), {
      // Only the test-only setting, which the production start refuses (main.ts), lets plain http through.
      execute: settings.allowHttpIssuer ? [oidc.allowInsecureRequests] : [],
      timeout: 10,
    });
    pending.catch(() => discovered.delete(settings));
    discovered.set(settings, pending);
  }
  return pending;
}

function settingsOf(deps: Deps): OidcConfig {
  if (!deps.config.oidc) throw new AppError('not_found', 'Signing in through the organisation is not in use here.');
  return deps.config.oidc;
}

const unavailable = () => new AppError('db_unavailable', 'The organisation\'s sign-in service cannot be reached. Try again in a moment, or sign in with a password.');
const startAgain = () => new AppError('bad_request', 'This sign-in was not started in this browser, was already used, or took too long. Start again.');

/**
 * Starts a sign-in at the provider (authorization code flow with PKCE, state and nonce). Returns the
 * provider's URL and a flow id for a cookie: the callback completes only in the browser holding it.
 * Starts are counted per address like failed sign-ins (each leaves a row until it expires); the
 * callback refunds a successful one.
 */
export async function startOidcSignIn(deps: Deps, ctx: RequestContext): Promise<{ flowId: string; url: string }> {
  const settings = settingsOf(deps);
  const now = deps.clock.now();
  await countAttempt(deps.db.orm, await addressKey(deps.db, 'oidc', ctx.address), { ...addressRule, limit: deps.config.signInAddressLimit }, now);
  let provider: oidc.Configuration;
  try {
    provider = await providerOf(settings);
  } catch {
    throw unavailable();
  }
  const flowId = deps.ids.newToken();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const codeChallenge = await oidc.calculatePKCECodeChallenge(codeVerifier);
  await deps.db.orm.transaction(async (tx) => {
    // Abandoned flows go with the next start, so the table holds only the last few minutes' worth.
    await tx.delete(oidcFlows).where(lt(oidcFlows.expiresAt, now));
    await tx.insert(oidcFlows).values({ flowHash: hashToken(flowId), state, nonce, codeVerifier, createdAt: now, expiresAt: new Date(now.getTime() + FLOW_MINUTES * 60_000) });
  });
  const url = oidc.buildAuthorizationUrl(provider, {
    redirect_uri: settings.redirectUri,
    scope: scopeFor(settings.linkClaim),
    state,
    nonce,
    code_challenge: codeChallenge,
    code_challenge_method: 'S256',
  });
  return { flowId, url: url.href };
}

/**
 * The scopes that bring the linking claim into the ID token, and no more: `sub` comes with `openid`,
 * `email` with `email`; other identifiers (Entra ID's `oid`, `preferred_username`) come with `profile`.
 */
export function scopeFor(linkClaim: string): string {
  if (linkClaim === 'sub') return 'openid';
  return linkClaim === 'email' ? 'openid email' : 'openid profile';
}

/** The linking claim's value from a verified ID token, or null when it is missing or cannot be trusted. */
function linkValue(settings: OidcConfig, claims: oidc.IDToken): string | null {
  const value = claims[settings.linkClaim];
  if (typeof value !== 'string' || value === '') return null;
  // An address the provider has not verified could be anyone's: it links nobody.
  if (settings.linkClaim === 'email' && claims.email_verified !== true) return null;
  return settings.linkClaim === 'email' ? value.toLowerCase() : value;
}

/**
 * Completes a sign-in at the provider's callback: the flow is taken (deleted) first, so a callback runs
 * once whatever happens next; the code is exchanged with the PKCE verifier and the ID token checked
 * (issuer, audience, signature, nonce, state). The account linked to the configured claim gets a session
 * exactly as a password sign-in does, its roles first set from the provider's groups when a mapping is
 * configured. Nobody is created: an unlinked account is refused.
 */
export async function completeOidcSignIn(
  deps: Deps,
  ctx: RequestContext,
  input: { flowId: string | undefined; query: string; previousTokenHash: string | null },
): Promise<SignedIn> {
  const settings = settingsOf(deps);
  const now = deps.clock.now();
  const audit = { actor: null, at: now, requestId: ctx.requestId };
  if (!input.flowId) throw startAgain();
  const [flow] = await deps.db.orm.delete(oidcFlows).where(eq(oidcFlows.flowHash, hashToken(input.flowId))).returning();
  if (!flow || flow.expiresAt <= now) throw startAgain();
  let provider: oidc.Configuration;
  try {
    provider = await providerOf(settings);
  } catch {
    throw unavailable();
  }
  // The URL the provider sent the browser to, rebuilt from the setting rather than from the Host header.
  const currentUrl = new URL(settings.redirectUri);
  currentUrl.search = input.query;
  let claims: oidc.IDToken | undefined;
  try {
    const tokens = await oidc.authorizationCodeGrant(provider, currentUrl, {
      pkceCodeVerifier: flow.codeVerifier,
      expectedState: flow.state,
      expectedNonce: flow.nonce,
      idTokenExpected: true,
    });
    claims = tokens.claims();
  } catch (error) {
    // The reason (a wrong state, a used code, a bad signature) is for the log, not for the browser.
    const reason = error instanceof Error ? ((error as { code?: string }).code ?? error.name) : 'unknown';
    await writeAudit(deps.db.orm, audit, { action: 'auth.sign_in_failed', resourceType: 'user', details: { method: 'oidc', reason: String(reason).slice(0, 64) } });
    // The provider's own "no" (the user cancelled, or is not allowed this application) is told apart.
    const refused = error instanceof oidc.AuthorizationResponseError;
    throw new AppError('invalid_credentials', refused ? 'The organisation\'s sign-in service refused the sign-in.' : 'The organisation\'s sign-in did not go through. Start again.', { reason: refused ? 'refused' : 'failed' });
  }
  // Discovery checked that the provider is this issuer; links are stored under the setting (oidc-link.ts).
  const issuer = settings.issuer;
  const subject = claims ? linkValue(settings, claims) : null;
  const [user] = subject
    ? await deps.db.orm.select().from(users).where(and(eq(users.oidcIssuer, issuer), eq(users.oidcSubject, subject)))
    : [];
  if (!user?.isActive) {
    await writeAudit(deps.db.orm, audit, {
      action: 'auth.sign_in_failed',
      resourceType: 'user',
      resourceId: user?.id ?? null,
      regionId: user?.regionId ?? null,
      details: { method: 'oidc', reason: user ? 'inactive' : 'not_linked' },
    });
    throw new AppError('forbidden', 'No Silta account is linked to this organisation account. Ask a Silta administrator to link it, or sign in with a password.');
  }
  return deps.db.orm.transaction(async (tx) => {
    if (input.previousTokenHash) await deleteSession(tx, input.previousTokenHash);
    await refundAttempt(tx, await addressKey(deps.db, 'oidc', ctx.address));
    // With a mapping, the provider's groups decide the roles at every sign-in (docs/OPERATIONS.md).
    if (settings.roleMapping && claims) await applyRoleMapping(tx, deps, settings.roleMapping, user, claims, audit);
    return openSignedInSession(tx, deps, user, audit, { method: 'oidc' }, startAgain);
  });
}
