import { errorStatuses, type ErrorCode } from '../domain/errors.js';

export type { ErrorCode };

/** Typed errors that commands throw; the one error handler maps them to `{ error: { code, message } }`. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.status = errorStatuses[code];
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what} not found`);
export const forbidden = () => new AppError('forbidden', 'You do not have permission to do this.');
export const conflict = (message: string) => new AppError('conflict', message);
export const unauthenticated = () => new AppError('unauthenticated', 'Sign in first.');
