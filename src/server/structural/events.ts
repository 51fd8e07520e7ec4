import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Executor } from '../db/connect.js';
import { structuralCosigners, structuralEvents, structuralNotifications, structuralObservations, structuralQuarterlyReports } from '../db/schema-structural.js';
import type { Deps } from '../deps.js';

type EventKind = typeof structuralEvents.$inferInsert.kind;
type Status = typeof structuralEvents.$inferInsert.status;
export type NewEvent = { observationId: string; kind: EventKind; status: Status };

/** The events that change an observation's state for its reporter: each reaches their home page. */
const statusChanges: ReadonlySet<EventKind> = new Set(['submitted', 'compiled', 'presented', 'answered']);

/**
 * Adds events to the observations' timelines and, for every status change, a notice to the reporter
 * and each co-signer, except to whoever made the change (they know).
 */
export async function recordEvents(ex: Executor, deps: Deps, actorId: string | null, at: Date, events: NewEvent[]): Promise<void> {
  if (events.length === 0) return;
  const withIds = events.map((e) => ({ ...e, id: deps.ids.newId() }));
  await ex.insert(structuralEvents).values(withIds.map((e) => ({ id: e.id, observationId: e.observationId, at, actorId, kind: e.kind, status: e.status })));
  const changes = withIds.filter((e) => statusChanges.has(e.kind));
  if (changes.length === 0) return;
  const ids = [...new Set(changes.map((e) => e.observationId))];
  const authors = await ex.select({ id: structuralObservations.id, userId: structuralObservations.createdBy }).from(structuralObservations).where(inArray(structuralObservations.id, ids));
  const cosigners = await ex.select({ id: structuralCosigners.observationId, userId: structuralCosigners.userId }).from(structuralCosigners).where(inArray(structuralCosigners.observationId, ids));
  const recipients = new Map<string, Set<string>>();
  for (const r of [...authors, ...cosigners]) recipients.set(r.id, (recipients.get(r.id) ?? new Set()).add(r.userId));
  const notices = changes.flatMap((e) =>
    [...(recipients.get(e.observationId) ?? [])]
      .filter((userId) => userId !== actorId)
      .map((userId) => ({ id: deps.ids.newId(), userId, observationId: e.observationId, eventId: e.id, status: e.status, at })),
  );
  if (notices.length > 0) await ex.insert(structuralNotifications).values(notices);
}

/**
 * Of these observations, those in a quarterly report that has been delivered to the managers: the report
 * is closed, so they are no longer edited or co-signed (their answer still comes back).
 */
export async function closedOf(ex: Executor, observationIds: string[]): Promise<Set<string>> {
  if (observationIds.length === 0) return new Set();
  const rows = await ex
    .select({ id: structuralObservations.id })
    .from(structuralObservations)
    .innerJoin(
      structuralQuarterlyReports,
      and(
        eq(structuralQuarterlyReports.municipalityCode, structuralObservations.municipalityCode),
        eq(structuralQuarterlyReports.year, sql`extract(year from ${structuralObservations.submittedDay})::int`),
        eq(structuralQuarterlyReports.quarter, sql`extract(quarter from ${structuralObservations.submittedDay})::int`),
      ),
    )
    .where(and(inArray(structuralObservations.id, observationIds), isNotNull(structuralQuarterlyReports.deliveredAt)));
  return new Set(rows.map((r) => r.id));
}
