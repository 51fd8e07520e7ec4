import { helsinkiDay } from '../../domain/calendar.js';
import { loadActor } from '../auth/actor-repo.js';
import type { Actor } from '../policy/policy.js';
import type { RelationCases, RelationSubject, RelationWorld } from '../testing/relation-matrix.js';
import { issueVisitorCode } from '../visitor-codes/commands.js';
import { createClient, grantConsent, setCareTeam, updateClient } from './commands.js';
import { clientFacts, findClient } from './repo.js';
import { clientBody } from './test-support.js';

const DAY = 24 * 60 * 60 * 1000;
let made = 0;
const nextNumber = () => String(++made);

async function actorOf(w: RelationWorld, who: keyof RelationWorld['staff']): Promise<Actor> {
  const actor = await loadActor(w.h.deps.db.orm, w.staff[who].id);
  if (!actor) throw new Error(`no actor for ${who}`);
  return actor;
}

/**
 * A fresh client of the world's site: the creator registered them (a contact ten days ago, so its
 * clocks are overdue and the client is on the due list) and is their own worker; the colleague is on the
 * care team; the bystander is a professional of the same site who does not work with them.
 */
export async function clientOf(w: RelationWorld, request: (clientId: string, creator: Actor) => RelationSubject['request'] | Promise<RelationSubject['request']>): Promise<RelationSubject & { id: string }> {
  const creator = await actorOf(w, 'creator');
  const ctx = { actor: creator, requestId: null };
  const contactAt = new Date(w.h.clock.now().getTime() - 10 * DAY).toISOString();
  const { clientId } = await createClient(w.h.deps, ctx, clientBody(w.siteId, { name: `Asiakas ${nextNumber()}`, contact: { at: contactAt } }));
  await updateClient(w.h.deps, ctx, clientId, { ownWorkerId: creator.userId });
  await setCareTeam(w.h.deps, ctx, clientId, [w.staff.colleague.id]);
  return {
    id: clientId,
    request: await request(clientId, creator),
    facts: async () => {
      const row = await findClient(w.h.deps.db.orm, clientId);
      if (!row) throw new Error('the client is gone');
      return clientFacts(w.h.deps.db.orm, row, helsinkiDay(w.h.clock.now()));
    },
  };
}

const listed = (key: 'clients' | 'items', idKey: 'id' | 'clientId') => (body: unknown, id: string) =>
  ((body as Record<string, Record<string, string>[]>)[key] ?? []).some((row) => row[idKey] === id);

// A client is reached by relationship only: anyone unrelated gets 404 (as for a missing id), so ids cannot be probed.
export const unrelated = { same_site_professional: 404 } as const;

export const clientRelationCases: RelationCases = {
  'GET /api/clients': { action: 'client.list', subject: (w) => clientOf(w, () => ({ url: '/api/clients' })), listContains: listed('clients', 'id') },
  'GET /api/clients/due': { action: 'client.list', subject: (w) => clientOf(w, () => ({ url: '/api/clients/due' })), listContains: listed('items', 'clientId') },
  'GET /api/clients/:clientId': { action: 'client.read', subject: (w) => clientOf(w, (id) => ({ url: `/api/clients/${id}` })), refusals: unrelated },
  'PATCH /api/clients/:clientId': { action: 'client.update', subject: (w) => clientOf(w, (id) => ({ url: `/api/clients/${id}`, body: { contactPreference: 'email' } })), refusals: unrelated },
  'PUT /api/clients/:clientId/care-team': {
    action: 'client.update',
    subject: (w) => clientOf(w, (id) => ({ url: `/api/clients/${id}/care-team`, body: { memberIds: [w.staff.colleague.id] } })),
    refusals: unrelated,
  },
  'POST /api/clients/:clientId/consents': {
    action: 'consent.manage',
    subject: (w) => clientOf(w, (id) => ({ url: `/api/clients/${id}/consents`, body: { purpose: 'share_process', grantee: { kind: 'user', id: w.staff.colleague.id }, validFrom: '2026-01-15' } })),
    refusals: unrelated,
  },
  'POST /api/clients/:clientId/consents/:consentId/revoke': {
    action: 'consent.manage',
    subject: (w) =>
      clientOf(w, async (id, creator) => {
        const consentId = await grantConsent(w.h.deps, { actor: creator, requestId: null }, id, { purpose: 'share_plan', grantee: { kind: 'user', id: w.staff.colleague.id }, validFrom: '2026-01-15' });
        return { url: `/api/clients/${id}/consents/${consentId}/revoke` };
      }),
    refusals: unrelated,
  },
  'POST /api/clients/:clientId/visitor-codes': {
    action: 'client.update',
    subject: (w) =>
      clientOf(w, async (id, creator) => {
        const consentId = await grantConsent(w.h.deps, { actor: creator, requestId: null }, id, { purpose: 'link_visitor_code', grantee: { kind: 'none' }, validFrom: '2026-01-15' });
        const code = await issueVisitorCode(w.h.deps, { actor: creator, requestId: null }, w.siteId);
        return { url: `/api/clients/${id}/visitor-codes`, body: { code, consentId } };
      }),
    refusals: unrelated,
  },
  'POST /api/clients/:clientId/process/events': {
    action: 'process.advance',
    subject: (w) => clientOf(w, (id) => ({ url: `/api/clients/${id}/process/events`, body: { type: 'start_assessment' } })),
    refusals: unrelated,
  },
};
