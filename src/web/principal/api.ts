import { useQuery } from '@tanstack/react-query';
import type { PublicKeyCredentialCreationOptionsJSON, PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/browser';
import type { PrincipalSessionInfo } from '../../domain/invitations';
import type { OwnSession } from '../../domain/own/schemas';
import { ApiRequestError, apiRequest, setCsrfToken } from '../api/client';

export const principalSessionKey = ['principal-session'] as const;

/** The signed-in client's or external member's session, or null (their own cookie, apart from staff sessions). */
async function fetchPrincipalSession(): Promise<PrincipalSessionInfo | null> {
  try {
    // The one session answer of clients and external members is the own pages' (src/server/own).
    const own = await apiRequest<OwnSession>('GET', '/api/own/session');
    setCsrfToken(own.csrfToken);
    return { principal: { kind: own.kind, displayName: own.displayName }, csrfToken: own.csrfToken };
  } catch (error) {
    if (error instanceof ApiRequestError && error.status === 401) return null;
    throw error;
  }
}

export function usePrincipalSession() {
  return useQuery({ queryKey: principalSessionKey, queryFn: fetchPrincipalSession, staleTime: 5 * 60_000 });
}

/** Every sign-in answers the session; its CSRF token is what the person's later changes carry. */
async function signedIn(request: Promise<PrincipalSessionInfo>): Promise<PrincipalSessionInfo> {
  const session = await request;
  setCsrfToken(session.csrfToken);
  return session;
}

export const principalApi = {
  redeemWithPin: (code: string, pin: string) => signedIn(apiRequest('POST', '/api/principal/pin/redeem', { code, pin })),
  signInWithPin: (code: string, pin: string) => signedIn(apiRequest('POST', '/api/principal/pin/sign-in', { code, pin })),
  registrationOptions: (code: string) => apiRequest<PublicKeyCredentialCreationOptionsJSON>('POST', '/api/principal/passkey/register/options', { code }),
  register: (code: string, response: unknown) => signedIn(apiRequest('POST', '/api/principal/passkey/register', { code, response })),
  signInOptions: () => apiRequest<PublicKeyCredentialRequestOptionsJSON>('POST', '/api/principal/passkey/sign-in/options'),
  signInWithPasskey: (response: unknown) => signedIn(apiRequest('POST', '/api/principal/passkey/sign-in', { response })),
  signOut: async () => {
    await apiRequest<null>('DELETE', '/api/own/session');
    setCsrfToken(null);
  },
};
