import type { ApiError } from '../../domain/api-types';
import { errorCodes } from '../../domain/errors';

/** Error codes the API documents (src/domain/errors.ts), plus `network` for a request that never got an answer. */
export const knownErrorCodes = [...errorCodes, 'network'] as const;
export type KnownErrorCode = (typeof knownErrorCodes)[number];

/** A failed API call, carrying the server's `{ error: { code, message } }` when it sent one. */
export class ApiRequestError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiRequestError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export function isApiRequestError(error: unknown): error is ApiRequestError {
  return error instanceof ApiRequestError;
}

/** True when the session is gone (not when a password was wrong, which is also a 401). */
export function isSessionEnded(error: unknown): boolean {
  return isApiRequestError(error) && error.status === 401 && error.code !== 'invalid_credentials';
}

// The CSRF token lives in memory only: it comes with the session info and is sent back on
// every state-changing request, which a cross-site page cannot read or forge.
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

function isApiErrorBody(value: unknown): value is ApiError {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = value.error;
  return typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string';
}

function codeForStatus(status: number): string {
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 429) return 'too_many_requests';
  return status >= 500 ? 'internal' : 'bad_request';
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Calls the Silta API on the same origin and returns the parsed JSON, or throws ApiRequestError. */
export async function apiRequest<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  // Only a request with a body says it is JSON: an empty JSON body is a 400 on the server.
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken !== null) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiRequestError(0, 'network', 'The server could not be reached.');
  }
  const parsed = await readBody(response);
  if (!response.ok) {
    if (isApiErrorBody(parsed)) {
      throw new ApiRequestError(response.status, parsed.error.code, parsed.error.message, parsed.error.details);
    }
    throw new ApiRequestError(response.status, codeForStatus(response.status), response.statusText);
  }
  return parsed as T;
}

/** Builds a query string from the defined values only. */
export function toQuery(params: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}
