/**
 * Every error code the API answers with, as `{ error: { code, message } }`. The server throws and
 * documents them, the web translates them (`errors.<code>`); both read this one list.
 */
export const errorCodes = [
  'bad_request',
  'nothing_to_change',
  'unauthenticated',
  'invalid_credentials',
  'forbidden',
  'csrf',
  'not_found',
  'method_not_allowed',
  'conflict',
  'gone',
  'payload_too_large',
  'unsupported_media_type',
  'too_many_requests',
  'internal',
  'db_unavailable',
  'busy',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

/** The HTTP status each code is answered with. */
export const errorStatuses: Record<ErrorCode, number> = {
  bad_request: 400,
  nothing_to_change: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  csrf: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  gone: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  too_many_requests: 429,
  internal: 500,
  db_unavailable: 503,
  busy: 503,
};

/** True for a string the API documents as an error code. */
export function isErrorCode(code: string): code is ErrorCode {
  return (errorCodes as readonly string[]).includes(code);
}
