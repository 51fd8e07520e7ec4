import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.js';

/**
 * A PATCH whose validated body names no field to change is a client mistake, not a no-op: left
 * through, the command would run an UPDATE with nothing to set (which Drizzle refuses with an
 * internal error). One hook for every PATCH route, present and future, instead of a refinement
 * that each schema could forget. It runs after validation, so unknown keys (stripped by zod) do
 * not count as changes.
 */
export function registerEmptyPatchGuard(app: FastifyInstance): void {
  app.addHook('preHandler', (request, _reply, done) => {
    done(isEmptyPatch(request.method, request.body) ? new AppError('nothing_to_change', 'The request changes nothing: send at least one field to change.') : undefined);
  });
}

function isEmptyPatch(method: string, body: unknown): boolean {
  if (method !== 'PATCH' || typeof body !== 'object' || body === null || Array.isArray(body)) return false;
  return Object.values(body).every((value) => value === undefined);
}
