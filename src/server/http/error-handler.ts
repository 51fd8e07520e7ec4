import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { errorCodes, errorStatuses } from '../../domain/errors.js';
import { AppError, type ErrorCode } from '../errors.js';
import { isConnectionLost, isPoolWaitTimeout } from '../db/connection-errors.js';
import { BUSY_RETRY_AFTER_SECONDS } from './admission.js';

type Mapped = { status: number; code: ErrorCode; message: string; details?: unknown; retryAfter?: number };

const byFastifyCode: Record<string, { status: number; code: ErrorCode; message: string }> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'unsupported_media_type', message: 'Send the body as application/json.' },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'payload_too_large', message: 'The request body is too large.' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'bad_request', message: 'The JSON body is empty.' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'bad_request', message: 'The body is not valid JSON.' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'bad_request', message: 'The content length does not match the body.' },
};

// Postgres errors that come from bad input rather than from a bug.
const inputSqlStates: Record<string, { status: number; code: ErrorCode; message: string }> = {
  '22P02': { status: 400, code: 'bad_request', message: 'A value has the wrong format.' },
  '22021': { status: 400, code: 'bad_request', message: 'The text is not valid UTF-8.' },
  '22001': { status: 400, code: 'bad_request', message: 'A value is too long.' },
  '22007': { status: 400, code: 'bad_request', message: 'A date or time has the wrong format.' },
  '22008': { status: 400, code: 'bad_request', message: 'A date or time is out of range.' },
  '23505': { status: 409, code: 'conflict', message: 'That already exists.' },
  '23503': { status: 400, code: 'bad_request', message: 'A referenced item does not exist.' },
};

const internal: Mapped = { status: 500, code: 'internal', message: 'Something went wrong on the server. The error has been logged.' };

const asRecord = (value: unknown): Record<string, unknown> => (typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {});
const stringOf = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** The code for a 4xx status that Fastify or a plugin set on an error of its own. */
function codeForStatus(status: number): ErrorCode {
  return errorCodes.find((code) => errorStatuses[code] === status) ?? 'bad_request';
}

function mapError(error: unknown): Mapped {
  if (error instanceof AppError) return { status: error.status, code: error.code, message: error.message, details: error.details, retryAfter: error.retryAfterSeconds };
  if (hasZodFastifySchemaValidationErrors(error)) {
    const details = error.validation.map((issue) => ({ path: issue.instancePath, message: issue.message }));
    return { status: 400, code: 'bad_request', message: 'The request does not match the expected shape.', details };
  }
  const fields = asRecord(error);
  const ownCode = stringOf(fields.code);
  // Drizzle wraps driver errors; the SQLSTATE sits on the cause (an error may have none).
  const cause = fields.cause;
  const sqlState = stringOf(asRecord(cause).code) ?? ownCode;
  const known = (ownCode ? byFastifyCode[ownCode] : undefined) ?? (sqlState ? inputSqlStates[sqlState] : undefined);
  if (known) return known;
  // Was a 500 in the soak after a stall of the writes (issue 16): the request did no work, and may be sent again.
  if (isPoolWaitTimeout(error) || isPoolWaitTimeout(cause)) return { status: 503, code: 'busy', message: 'Silta is busy right now. Try again in a moment.', retryAfter: BUSY_RETRY_AFTER_SECONDS };
  if (isConnectionLost(asRecord(error)) || isConnectionLost(asRecord(cause))) return { status: 503, code: 'db_unavailable', message: 'The database is not reachable right now. Try again shortly.' };
  const status = fields.statusCode;
  // Fastify's own 4xx errors (FST_…) describe the request, so their message may be shown; anything else may not.
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const message = ownCode?.startsWith('FST_') ? stringOf(fields.message) : undefined;
    return { status, code: codeForStatus(status), message: message ?? 'The request could not be handled.' };
  }
  return internal;
}

function mapSafely(error: unknown): Mapped {
  try {
    return mapError(error);
  } catch {
    // The handler itself must never fail: Fastify would answer with its own body and the raw message.
    return internal;
  }
}

/** The one place where errors become `{ error: { code, message } }` with the right status. */
export function registerErrorHandler(app: FastifyInstance): void {
  // A shed request is the server protecting itself, not a failure. In an overload there are hundreds a
  // second (the soak after a stall: 130/s), and a line each was work for a server already at capacity:
  // at most one line a second, with the number shed since the last and how many waited for a pooled connection.
  const shed = { count: 0, poolWaits: 0, loggedAt: 0 };
  const noteShed = (error: unknown) => {
    shed.count += 1;
    if (isPoolWaitTimeout(error) || isPoolWaitTimeout(asRecord(error).cause)) shed.poolWaits += 1;
    const now = performance.now();
    if (now - shed.loggedAt < 1000) return;
    app.log.warn({ shed: shed.count, poolWaits: shed.poolWaits }, 'requests shed since the last such line: the server is at capacity');
    Object.assign(shed, { count: 0, poolWaits: 0, loggedAt: now });
  };
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    const mapped = mapSafely(error);
    if (mapped.code === 'busy') noteShed(error);
    else if (mapped.status >= 500) request.log.error({ err: error }, 'request failed');
    if (mapped.retryAfter) void reply.header('retry-after', String(mapped.retryAfter));
    const body = { error: { code: mapped.code, message: mapped.message, ...(mapped.details === undefined ? {} : { details: mapped.details }) } };
    return reply.status(mapped.status).send(body);
  });
}
