import type { RelationCases, RelationSubject, RelationWorld } from '../testing/relation-matrix.js';
import { loadService } from './repo.js';
import { serviceFacts } from './present.js';
import { insertTrayService } from './test-support.js';

/**
 * The relationship callers are professionals of one site: the tray is kept by coordinators and
 * managers of the owning unit or its responsible person (src/server/services/services.test.ts drives
 * those), so here the rules refuse every one of them, even the service's responsible person.
 */
async function keptBy(w: RelationWorld, path: (id: string) => string, status: 'draft' | 'published', body?: unknown): Promise<RelationSubject> {
  const { id } = await insertTrayService(w.h.deps, { regionId: w.regionId, responsibleUserId: w.staff.creator.id, status, reviewDueOn: status === 'published' ? '2000-01-01' : null });
  return {
    request: { url: path(id), ...(body === undefined ? {} : { body }) },
    id,
    facts: async () => serviceFacts((await loadService(w.h.deps.db.orm, id))!),
  };
}

export const serviceRelationCases: RelationCases = {
  'GET /api/tray/services/overdue': { action: 'tray_service.edit', subject: (w) => keptBy(w, () => '/api/tray/services/overdue', 'published') },
  'PUT /api/tray/services/:serviceId/draft': { action: 'tray_service.edit', subject: (w) => keptBy(w, (id) => `/api/tray/services/${id}/draft`, 'draft', { content: { names: { fi: 'Uusi' } }, baseVersion: 1 }) },
  'POST /api/tray/services/:serviceId/publish': { action: 'tray_service.edit', subject: (w) => keptBy(w, (id) => `/api/tray/services/${id}/publish`, 'draft', { version: 1 }) },
  'POST /api/tray/services/:serviceId/review': { action: 'tray_service.edit', subject: (w) => keptBy(w, (id) => `/api/tray/services/${id}/review`, 'published', {}) },
  'POST /api/tray/services/:serviceId/archive': { action: 'tray_service.edit', subject: (w) => keptBy(w, (id) => `/api/tray/services/${id}/archive`, 'draft') },
  'PATCH /api/tray/services/:serviceId/editorial': { action: 'tray_service.manage', subject: (w) => keptBy(w, (id) => `/api/tray/services/${id}/editorial`, 'draft', { reviewDueOn: '2099-01-01' }) },
};
