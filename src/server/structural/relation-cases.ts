import { structuralObservations } from '../db/schema-structural.js';
import { eq } from 'drizzle-orm';
import type { RelationCases, RelationSubject, RelationWorld } from '../testing/relation-matrix.js';
import { managersOf, observationFacts } from './present.js';
import { insertObservation } from './test-support.js';

/** A fresh draft of the world's creator. */
async function draftOf(w: RelationWorld, path: (id: string) => string, body?: unknown): Promise<RelationSubject> {
  const id = await insertObservation(w.h.deps, { regionId: w.regionId, siteId: w.siteId, createdBy: w.staff.creator.id, status: 'draft' });
  return {
    request: { url: path(id), ...(body === undefined ? {} : { body }) },
    facts: async () => {
      const [row] = await w.h.deps.db.orm.select().from(structuralObservations).where(eq(structuralObservations.id, id));
      if (!row) throw new Error('the observation is gone');
      return observationFacts(row);
    },
  };
}

/** A submitted observation of the world's creator, its municipality's managers among the facts. */
async function submittedOf(w: RelationWorld, path: (id: string) => string, body: unknown): Promise<RelationSubject> {
  const id = await insertObservation(w.h.deps, { regionId: w.regionId, siteId: w.siteId, createdBy: w.staff.creator.id });
  return {
    request: { url: path(id), body },
    facts: async () => {
      const [row] = await w.h.deps.db.orm.select().from(structuralObservations).where(eq(structuralObservations.id, id));
      if (!row) throw new Error('the observation is gone');
      return observationFacts(row, await managersOf(w.h.deps.db.orm, [row.municipalityCode]));
    },
  };
}

// A draft is its author's alone, on any day: the rules refuse everyone else (403, before the draft is looked at).
export const structuralRelationCases: RelationCases = {
  'PATCH /api/structural/observations/:observationId': {
    action: 'observation.update',
    subject: (w) => draftOf(w, (id) => `/api/structural/observations/${id}`, { affectedEstimate: 3 }),
  },
  'POST /api/structural/observations/:observationId/submit': {
    action: 'observation.update',
    subject: (w) => draftOf(w, (id) => `/api/structural/observations/${id}/submit`),
  },
  // Answering is a municipality's managers' (the role and the link): reporting, co-signing or working at the site gives none.
  'POST /api/structural/observations/:observationId/answer': {
    action: 'observation.answer',
    subject: (w) => submittedOf(w, (id) => `/api/structural/observations/${id}/answer`, { outcome: 'accepted', text: 'Hyväksytään.' }),
  },
};
