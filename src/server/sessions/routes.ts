import type { FastifyInstance } from 'fastify';
import type { Deps } from '../deps.js';

export function registerSessionRoutes(_app: FastifyInstance, _deps: Deps): void {
  // routes of this feature are added here
}
