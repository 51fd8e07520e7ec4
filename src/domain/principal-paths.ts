// Kept apart from invitations.ts (zod): the staff sign-in page links here and is on the first route.

/** Where clients and external members sign in (the web route; printed on invitation cards). */
export const PRINCIPAL_SIGN_IN_PATH = '/asiakas';
/** Where a signed-in client or external member lands. */
export const PRINCIPAL_HOME_PATH = '/oma';
