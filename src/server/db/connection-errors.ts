import { StartupError } from '../startup-error.js';

function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}

/** Turns a driver error at start into one sentence an operator can act on. */
export function describeConnectionError(error: unknown, url: string): StartupError {
  const code = (error as { code?: string }).code ?? '';
  const where = redact(url);
  const reasons: Record<string, string> = {
    ECONNREFUSED: 'nothing is listening there — is PostgreSQL running',
    ENOTFOUND: 'the host name does not resolve',
    ETIMEDOUT: 'the connection timed out',
    '28P01': 'the password was rejected',
    '28000': 'the user is not allowed to connect',
    '3D000': 'the database does not exist — create it first',
  };
  const reason = reasons[code] ?? `${(error as Error).message ?? 'unknown error'}`;
  return new StartupError(`Cannot connect to PostgreSQL at ${where}: ${reason}. Check DATABASE_URL.`);
}

/** Errors that mean the database is unreachable right now (as opposed to a bad query). */
export function isConnectionLost(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? '';
  const message = (error as Error).message ?? '';
  return (
    ['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', '57P01', '57P02', '57P03', '08000', '08003', '08006'].includes(code) ||
    /Connection terminated|connection timeout|Client has encountered a connection error/i.test(message)
  );
}

/**
 * node-postgres's pool gave up waiting for a free connection (connectionTimeoutMillis): every pooled
 * connection was busy, e.g. saves waiting on a stalled write held them all. The database is there;
 * the server is at capacity, as when the admission line sheds a request.
 */
export function isPoolWaitTimeout(error: unknown): boolean {
  return error instanceof Error && error.message === 'timeout exceeded when trying to connect';
}
