import { isApiRequestError } from '../api/client';

/**
 * Why a form could not be opened or sent, each with its own plain message (feedbackCollect.problem.*).
 * - unknown: no such link or kiosk; expired / closed: the link or kiosk is no longer in use;
 * - limited: opened too often from this network in a short while (try again in a moment);
 * - paused: staff have paused the link for now; alreadySent: the ticket was spent (or waited too long);
 * - network: no answer from the server; failed: anything else.
 */
export type Problem = 'unknown' | 'expired' | 'closed' | 'limited' | 'paused' | 'alreadySent' | 'network' | 'failed';

function reasonOf(details: unknown): string | null {
  if (typeof details !== 'object' || details === null) return null;
  const reason = (details as { reason?: unknown }).reason;
  return typeof reason === 'string' ? reason : null;
}

export function problemOf(error: unknown): Problem {
  if (!isApiRequestError(error)) return 'failed';
  if (error.code === 'network') return 'network';
  if (error.status === 404) return 'unknown';
  // A paused link answers 409 like a spent ticket; its reason tells them apart.
  if (reasonOf(error.details) === 'paused') return 'paused';
  if (error.status === 409) return 'alreadySent';
  if (error.status === 429) return 'limited';
  // "gone": the server says whether the time ran out or staff closed it.
  if (error.status === 410) return reasonOf(error.details) === 'expired' ? 'expired' : 'closed';
  return 'failed';
}
