/** Query key of the signed-in user's session info (null when signed out). */
export const sessionKey = ['session'] as const;
