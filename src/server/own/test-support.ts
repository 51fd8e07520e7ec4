// Shared set-up for the own-view tests and the relationship matrix; not used by the app.
import type { LightMyRequestResponse } from 'fastify';
import { externalMembers } from '../db/schema-signin.js';
import { createPrincipalSession, PRINCIPAL_SESSION_COOKIE, principalFrom, type OutsidePrincipal } from '../invitations/principal-sessions.js';
import type { Harness } from '../testing/harness.js';

/** A client's or external member's API client over app.inject, with their own cookie and CSRF token. */
export type PrincipalClient = {
  principal: OutsidePrincipal;
  token: string;
  request(method: 'GET' | 'POST' | 'DELETE', url: string, options?: { csrf?: string | null }): Promise<LightMyRequestResponse>;
};

/** Signs a principal in as the sign-in routes would (the session they make), without a code and PIN. */
export async function signInPrincipal(h: Harness, principal: OutsidePrincipal): Promise<PrincipalClient> {
  const { token, csrfToken } = await createPrincipalSession(h.db.orm, h.deps, principal);
  return {
    principal,
    token,
    request: (method, url, options = {}) => {
      const csrf = options.csrf === undefined ? csrfToken : options.csrf;
      return h.app.inject({ method, url, cookies: { [PRINCIPAL_SESSION_COOKIE]: token }, headers: method === 'GET' || csrf === null ? {} : { 'x-csrf-token': csrf } });
    },
  };
}

export const clientPrincipal = (clientId: string, regionId: string, name = 'Asiakas'): OutsidePrincipal => principalFrom('client', clientId, regionId, name);

let members = 0;

/** An external member of the region (a third-sector worker, a relative), as a worker would add one. */
export async function makeExternalMember(h: Harness, regionId: string, createdBy: string, displayName = `Tukihenkilö ${++members}`): Promise<OutsidePrincipal> {
  const id = h.deps.ids.newId();
  await h.db.orm.insert(externalMembers).values({ id, regionId, displayName, createdBy, createdAt: h.clock.now(), isActive: true });
  return principalFrom('external', id, regionId, displayName);
}
