import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { referralUpdateSchema } from '../../domain/outreach.js';
import { followUpViewSchema, referralViewSchema, slipIssuedSchema, slipViewSchema } from '../../domain/outreach-views.js';
import type { Deps } from '../deps.js';
import { contextOf } from '../http/context.js';
import { requestContext } from '../auth/routes.js';
import { calendarDay } from '../encounters/schemas.js';
import { listFollowUps, updateReferral } from './commands.js';
import { confirmSlip, issueSlip, viewSlip } from './slip.js';

const referralParams = z.object({ referralId: z.uuid() });
// Loose on purpose: an unknown or mistyped code is "not found", after it has been counted against the address.
const slipParams = z.object({ code: z.string().min(1).max(40) });
// The shared pattern lets '2026-02-30' through; the database would answer that with an error, not a 400.
const referralPatchSchema = referralUpdateSchema.extend({ followUpOn: calendarDay.nullable().optional() });

export function registerReferralRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.patch('/api/referrals/:referralId', {
    config: { access: { access: 'action', action: 'referral.update' } },
    schema: { tags: ['referrals'], params: referralParams, body: referralPatchSchema, response: { 200: referralViewSchema } },
  }, async (request) => updateReferral(deps, contextOf(request), request.params.referralId, request.body));

  r.get('/api/sites/:siteId/follow-ups', {
    config: { access: { access: 'action', action: 'referral.read' } },
    schema: { tags: ['referrals'], params: z.object({ siteId: z.uuid() }), response: { 200: z.object({ followUps: z.array(followUpViewSchema) }) } },
  }, async (request) => ({ followUps: await listFollowUps(deps, contextOf(request), request.params.siteId) }));

  r.post('/api/referrals/:referralId/slip', {
    config: { access: { access: 'action', action: 'referral.update' } },
    schema: { tags: ['referrals'], params: referralParams, response: { 201: slipIssuedSchema } },
  }, async (request, reply) => reply.status(201).send(await issueSlip(deps, contextOf(request), request.params.referralId)));

  // Public: the receiving service scans the slip without an account. Rate-limited per address.
  r.get('/api/slips/:code', {
    config: { access: { access: 'public' } },
    schema: { tags: ['referral slips'], params: slipParams, response: { 200: slipViewSchema } },
  }, async (request) => viewSlip(deps, requestContext(request), request.params.code));

  r.post('/api/slips/:code/confirm', {
    config: { access: { access: 'public' } },
    schema: { tags: ['referral slips'], params: slipParams, response: { 200: slipViewSchema } },
  }, async (request) => confirmSlip(deps, requestContext(request), request.params.code));
}
