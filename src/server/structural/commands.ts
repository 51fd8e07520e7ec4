import { and, asc, desc, eq, inArray, ne, or, sql } from 'drizzle-orm';
import { helsinkiDay } from '../../domain/calendar.js';
import {
  answerableStatuses,
  answerDueDay,
  type AnswerInput,
  type ObservationDetail,
  type ObservationInput,
  type ObservationUpdate,
  type ObservationView,
} from '../../domain/structural/observations.js';
import { writeAudit } from '../audit/write-audit.js';
import type { Executor } from '../db/connect.js';
import { municipalities } from '../db/schema.js';
import { structuralCosigners, structuralEvents, structuralObservations } from '../db/schema-structural.js';
import type { Deps } from '../deps.js';
import { AppError, conflict, forbidden, notFound } from '../errors.js';
import type { Ctx } from '../http/context.js';
import { authorize, canSomewhere, conditionFor, type Action } from '../policy/policy.js';
import { loadSiteFor } from '../policy/site-access.js';
import { compileCondition } from '../policy/sql.js';
import { observationColumns } from './columns.js';
import { closedOf, recordEvents } from './events.js';
import { managersOf, namesOf, observationFacts, presentObservation, type ObservationRow } from './present.js';

/** The municipality must be an active one of the caller's region. */
async function checkMunicipality(ex: Executor, regionId: string, code: string): Promise<void> {
  const [row] = await ex.select({ code: municipalities.code }).from(municipalities).where(and(eq(municipalities.code, code), eq(municipalities.regionId, regionId), eq(municipalities.isActive, true)));
  if (!row) throw new AppError('bad_request', 'Unknown municipality.', { field: 'municipalityCode', reason: 'unknown' });
}

async function addEvent(ex: Executor, deps: Deps, ctx: Ctx, observationId: string, kind: typeof structuralEvents.$inferInsert.kind, status: ObservationRow['status'], at: Date) {
  await recordEvents(ex, deps, ctx.actor.userId, at, [{ observationId, kind, status }]);
}

/** Submission fields: the Helsinki day (its quarter) and the answer's due day in working days. */
function submission(deps: Deps, now: Date) {
  const day = helsinkiDay(now);
  return { status: 'submitted' as const, submittedAt: now, submittedDay: day, answerDueDay: answerDueDay(day, deps.config.structuralAnswerWorkingDays, deps.config.workingDays) };
}

/**
 * Loads an observation for an action. Another region's is "not found"; one of the caller's region the
 * rules refuse is 403; and someone else's draft, at a site the caller works at, is "not found" (a draft
 * is its author's own and not yet anyone else's business).
 */
async function loadFor(ex: Executor, ctx: Ctx, id: string, action: Action, today: string, lock = false): Promise<ObservationRow> {
  const query = ex.select().from(structuralObservations).where(eq(structuralObservations.id, id));
  const [row] = lock ? await query.for('update') : await query;
  if (!row || row.regionId !== ctx.actor.regionId) throw notFound('Observation');
  authorize(ctx.actor, action, observationFacts(row, await managersOf(ex, [row.municipalityCode])), { today });
  if (row.status === 'draft' && row.createdBy !== ctx.actor.userId) throw notFound('Observation');
  // A delivered quarterly report is closed: what is in it stays as the managers received it.
  if ((action === 'observation.update' || action === 'observation.cosign') && (await closedOf(ex, [row.id])).size > 0) {
    throw conflict('The quarterly report with this observation has been delivered and is closed.');
  }
  return row;
}

async function present(ex: Executor, ctx: Ctx, rows: ObservationRow[], today: string): Promise<ObservationView[]> {
  if (rows.length === 0) return [];
  const cosigners = await ex.select().from(structuralCosigners).where(inArray(structuralCosigners.observationId, rows.map((r) => r.id))).orderBy(asc(structuralCosigners.signedAt));
  const names = await namesOf(ex, [...rows.flatMap((r) => [r.createdBy, r.answeredBy]), ...cosigners.map((c) => c.userId)]);
  const managers = await managersOf(ex, rows.map((r) => r.municipalityCode));
  const closed = await closedOf(ex, rows.map((r) => r.id));
  return rows.map((r) => presentObservation(r, cosigners, names, ctx.actor, today, managers, closed));
}

export async function createObservation(deps: Deps, ctx: Ctx, input: ObservationInput): Promise<ObservationView> {
  const now = deps.clock.now();
  const today = helsinkiDay(now);
  return deps.db.orm.transaction(async (tx) => {
    const site = await loadSiteFor(tx, ctx.actor, input.siteId, 'observation.create');
    await checkMunicipality(tx, ctx.actor.regionId, input.municipalityCode);
    const id = deps.ids.newId();
    const { submit, ...fields } = input;
    const [row] = await tx
      .insert(structuralObservations)
      .values({ id, ...fields, regionId: site.regionId, createdBy: ctx.actor.userId, createdAt: now, updatedAt: now, status: 'draft', ...(submit ? submission(deps, now) : {}) })
      .returning();
    await addEvent(tx, deps, ctx, id, 'created', 'draft', now);
    if (submit) await addEvent(tx, deps, ctx, id, 'submitted', 'submitted', now);
    await writeAudit(tx, { ...ctx, at: now }, { action: 'observation.created', resourceType: 'structural_observation', resourceId: id, siteId: site.id, details: { submitted: submit } });
    return (await present(tx, ctx, [row!], today))[0]!;
  });
}

export async function updateObservation(deps: Deps, ctx: Ctx, id: string, patch: ObservationUpdate): Promise<ObservationView> {
  const now = deps.clock.now();
  const today = helsinkiDay(now);
  return deps.db.orm.transaction(async (tx) => {
    const row = await loadFor(tx, ctx, id, 'observation.update', today, true);
    if (row.status !== 'draft') throw conflict('A submitted observation is no longer edited.');
    const merged = { ...row, ...patch };
    if ((merged.category === 'other') !== (merged.categoryOther !== null)) throw new AppError('bad_request', 'categoryOther is given exactly when the category is other.', { field: 'categoryOther' });
    if (patch.municipalityCode) await checkMunicipality(tx, ctx.actor.regionId, patch.municipalityCode);
    const [updated] = await tx.update(structuralObservations).set({ ...patch, updatedAt: now }).where(eq(structuralObservations.id, id)).returning();
    await writeAudit(tx, { ...ctx, at: now }, { action: 'observation.updated', resourceType: 'structural_observation', resourceId: id, siteId: row.siteId, details: { fields: Object.keys(patch) } });
    return (await present(tx, ctx, [updated!], today))[0]!;
  });
}

export async function submitObservation(deps: Deps, ctx: Ctx, id: string): Promise<ObservationView> {
  const now = deps.clock.now();
  const today = helsinkiDay(now);
  return deps.db.orm.transaction(async (tx) => {
    const row = await loadFor(tx, ctx, id, 'observation.update', today, true);
    if (row.status !== 'draft') throw conflict('The observation has already been submitted.');
    const [updated] = await tx.update(structuralObservations).set({ ...submission(deps, now), updatedAt: now }).where(eq(structuralObservations.id, id)).returning();
    await addEvent(tx, deps, ctx, id, 'submitted', 'submitted', now);
    await writeAudit(tx, { ...ctx, at: now }, { action: 'observation.submitted', resourceType: 'structural_observation', resourceId: id, siteId: row.siteId });
    return (await present(tx, ctx, [updated!], today))[0]!;
  });
}

/** A colleague supports a submitted observation; signing twice changes nothing. The author cannot co-sign their own. */
export async function cosignObservation(deps: Deps, ctx: Ctx, id: string): Promise<ObservationView> {
  const now = deps.clock.now();
  const today = helsinkiDay(now);
  return deps.db.orm.transaction(async (tx) => {
    const row = await loadFor(tx, ctx, id, 'observation.cosign', today);
    if (row.createdBy === ctx.actor.userId) throw conflict('The author does not co-sign their own observation.');
    const inserted = await tx.insert(structuralCosigners).values({ observationId: id, userId: ctx.actor.userId, signedAt: now }).onConflictDoNothing().returning();
    if (inserted.length > 0) {
      await addEvent(tx, deps, ctx, id, 'cosigned', row.status, now);
      await writeAudit(tx, { ...ctx, at: now }, { action: 'observation.cosigned', resourceType: 'structural_observation', resourceId: id, siteId: row.siteId });
    }
    return (await present(tx, ctx, [row], today))[0]!;
  });
}

/** The manager's answer: the outcome and its reasons; an answer "in progress" may later be followed by "done". */
export async function answerObservation(deps: Deps, ctx: Ctx, id: string, input: AnswerInput): Promise<ObservationView> {
  const now = deps.clock.now();
  const today = helsinkiDay(now);
  return deps.db.orm.transaction(async (tx) => {
    const row = await loadFor(tx, ctx, id, 'observation.answer', today, true);
    if (!answerableStatuses.includes(row.status)) throw conflict('The observation is not waiting for an answer.');
    const [updated] = await tx
      .update(structuralObservations)
      .set({ status: input.outcome, answerText: input.text, answeredBy: ctx.actor.userId, answeredAt: now, updatedAt: now })
      .where(eq(structuralObservations.id, id))
      .returning();
    await addEvent(tx, deps, ctx, id, 'answered', input.outcome, now);
    await writeAudit(tx, { ...ctx, at: now }, { action: 'observation.answered', resourceType: 'structural_observation', resourceId: id, siteId: row.siteId, details: { outcome: input.outcome } });
    return (await present(tx, ctx, [updated!], today))[0]!;
  });
}

export async function readObservation(deps: Deps, ctx: Ctx, id: string): Promise<ObservationDetail> {
  const now = deps.clock.now();
  const today = helsinkiDay(now);
  return deps.db.orm.transaction(async (tx) => {
    const row = await loadFor(tx, ctx, id, 'observation.read', today);
    const [view] = await present(tx, ctx, [row], today);
    const events = await tx.select().from(structuralEvents).where(eq(structuralEvents.observationId, id)).orderBy(asc(structuralEvents.at), asc(structuralEvents.id));
    const names = await namesOf(tx, events.map((e) => e.actorId));
    await writeAudit(tx, { ...ctx, at: now }, { action: 'observation.read', resourceType: 'structural_observation', resourceId: id, siteId: row.siteId });
    return {
      ...view!,
      timeline: events.map((e) => ({ at: e.at.toISOString(), kind: e.kind, status: e.status, actor: e.actorId ? { id: e.actorId, displayName: names.get(e.actorId) ?? '' } : null })),
    };
  });
}

/**
 * The observations the caller may read (their sites' submitted ones and their own drafts), newest
 * first. `mine` narrows to those the caller filed or co-signed: the home page's "answers to my reports".
 */
export async function listObservations(deps: Deps, ctx: Ctx, options: { mine: boolean }): Promise<ObservationView[]> {
  if (!canSomewhere(ctx.actor, 'observation.read')) throw forbidden();
  const now = deps.clock.now();
  const today = helsinkiDay(now);
  const me = ctx.actor.userId;
  const cosignedByMe = sql`exists (select 1 from structural_cosigners c where c.observation_id = ${structuralObservations.id} and c.user_id = ${me})`;
  const visible = and(
    compileCondition(conditionFor(ctx.actor, 'observation.read', { today }), observationColumns),
    or(ne(structuralObservations.status, 'draft'), eq(structuralObservations.createdBy, me)),
    options.mine ? or(eq(structuralObservations.createdBy, me), cosignedByMe) : undefined,
  );
  return deps.db.orm.transaction(async (tx) => {
    const rows = await tx.select().from(structuralObservations).where(visible).orderBy(desc(structuralObservations.createdAt)).limit(500);
    await writeAudit(tx, { ...ctx, at: now }, { action: 'observation.listed', resourceType: 'structural_observation', details: { ids: rows.map((r) => r.id), mine: options.mine } });
    return present(tx, ctx, rows, today);
  });
}

export { present as presentObservations };
