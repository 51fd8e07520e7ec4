import { z } from 'zod';

/** Where clients and external members sign in (the web route; printed on invitation cards). */
export const PRINCIPAL_SIGN_IN_PATH = '/asiakas';
/** Where a signed-in client or external member lands. */
export const PRINCIPAL_HOME_PATH = '/oma';

/** What an issued invitation answers, once: what goes on the printed card. */
export const invitationCardSchema = z.object({
  code: z.string(),
  expiresAt: z.string(),
  displayName: z.string(),
  signInPath: z.string(),
});
export type InvitationCard = z.infer<typeof invitationCardSchema>;

/** A signed-in client's or external member's session: who (by name only) and the CSRF token for changes. */
export const principalSessionSchema = z.object({
  principal: z.object({ kind: z.enum(['client', 'external']), displayName: z.string() }),
  csrfToken: z.string(),
});
export type PrincipalSessionInfo = z.infer<typeof principalSessionSchema>;
