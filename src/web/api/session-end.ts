/**
 * How the last session ended, so that the sign-in page can act on it: after an explicit sign-out
 * the next person starts at the home page; after an expired session the same person is told why
 * and returns to the page they were on. Cleared by the next sign-in.
 */
export type SessionEnd = 'signed_out' | 'expired' | null;

let sessionEnd: SessionEnd = null;

export function setSessionEnd(end: SessionEnd): void {
  sessionEnd = end;
}

export function lastSessionEnd(): SessionEnd {
  return sessionEnd;
}
