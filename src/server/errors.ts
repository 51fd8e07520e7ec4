/** Typed errors that commands throw; the one error handler maps them to `{ error: { code, message } }`. */
export type ErrorCode =
  | 'bad_request'
  | 'unauthenticated'
  | 'invalid_credentials'
  | 'forbidden'
  | 'csrf'
  | 'not_found'
  | 'conflict'
  | 'gone'
  | 'unsupported_media_type'
  | 'payload_too_large'
  | 'too_many_requests'
  | 'db_unavailable'
  | 'busy'
  | 'internal';

const statusOf: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  csrf: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  unsupported_media_type: 415,
  payload_too_large: 413,
  too_many_requests: 429,
  db_unavailable: 503,
  busy: 503,
  internal: 500,
};

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.status = statusOf[code];
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what} not found`);
export const forbidden = () => new AppError('forbidden', 'You do not have permission to do this.');
export const conflict = (message: string) => new AppError('conflict', message);
export const unauthenticated = () => new AppError('unauthenticated', 'Sign in first.');
