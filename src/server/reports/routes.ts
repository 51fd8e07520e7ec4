import type { FastifyInstance } from 'fastify';
import type { Deps } from '../deps.js';

/** The evaluation report routes (placeholder: being built). */
export function registerReportRoutes(_app: FastifyInstance, _deps: Deps): void {}
