import { z } from 'zod';

export { PRINCIPAL_HOME_PATH, PRINCIPAL_SIGN_IN_PATH } from './principal-paths.js';

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
