import type { FastifyInstance } from 'fastify';
import type { Deps } from '../deps.js';

/** Pilot (experiment) routes (placeholder: being built). */
export function registerPilotRoutes(_app: FastifyInstance, _deps: Deps): void {}
