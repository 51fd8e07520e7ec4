import { eq, inArray } from 'drizzle-orm';
import type { AuditTarget } from '../../domain/api-types.js';
import { helsinkiDay } from '../../domain/calendar.js';
import { helsinkiClock } from '../../domain/date-format.js';
import type { Executor } from '../db/connect.js';
import { groupSeries, groupSessions } from '../db/schema-groups.js';
import { pilots } from '../db/schema-pilots.js';
import { encounters, daylog, outreachSessions, referrals, services } from '../db/schema-outreach.js';
import { sites, units, users } from '../db/schema.js';

/** What the audit page needs to name a row's target: "who looked at this?" is only answerable by name. */
type Row = { resourceType: string; resourceId: string | null; details: Record<string, unknown> };
type Found = Partial<AuditTarget>;

const empty: AuditTarget = { name: null, day: null, time: null };
// Data, not display: the page writes the day and 'HH:MM' in the reader's language (domain/date-format).
const at = (instant: Date): Found => ({ day: helsinkiDay(instant), time: helsinkiClock(instant) });
const hhmm = (time: string): string => time.slice(0, 5);

type Resolver = (ex: Executor, ids: string[]) => Promise<Map<string, Found>>;

const byId = <T extends { id: string }>(rows: T[], describe: (row: T) => Found): Map<string, Found> => new Map(rows.map((row) => [row.id, describe(row)]));

// One query per kind of target on the page (at most 200 rows), never one per row.
const resolvers: Record<string, Resolver> = {
  encounter: async (ex, ids) =>
    byId(await ex.select({ id: encounters.id, occurredAt: encounters.occurredAt }).from(encounters).where(inArray(encounters.id, ids)), (r) => at(r.occurredAt)),
  daylog: async (ex, ids) => byId(await ex.select({ id: daylog.id, day: daylog.day }).from(daylog).where(inArray(daylog.id, ids)), (r) => ({ day: r.day })),
  outreach_session: async (ex, ids) =>
    byId(
      await ex.select({ id: outreachSessions.id, day: outreachSessions.day, startsAt: outreachSessions.startsAt }).from(outreachSessions).where(inArray(outreachSessions.id, ids)),
      (r) => ({ day: r.day, time: hhmm(r.startsAt) }),
    ),
  group_session: async (ex, ids) =>
    byId(
      await ex
        .select({ id: groupSessions.id, day: groupSessions.day, startsAt: groupSessions.startsAt, name: groupSeries.name })
        .from(groupSessions)
        .innerJoin(groupSeries, eq(groupSeries.id, groupSessions.seriesId))
        .where(inArray(groupSessions.id, ids)),
      (r) => ({ name: r.name, day: r.day, time: hhmm(r.startsAt) }),
    ),
  group_series: async (ex, ids) => byId(await ex.select({ id: groupSeries.id, name: groupSeries.name }).from(groupSeries).where(inArray(groupSeries.id, ids)), (r) => ({ name: r.name })),
  referral: async (ex, ids) =>
    byId(
      await ex
        .select({ id: referrals.id, name: services.nameFi, occurredAt: encounters.occurredAt })
        .from(referrals)
        .innerJoin(services, eq(services.id, referrals.serviceId))
        .innerJoin(encounters, eq(encounters.id, referrals.encounterId))
        .where(inArray(referrals.id, ids)),
      (r) => ({ name: r.name, day: helsinkiDay(r.occurredAt) }),
    ),
  user: async (ex, ids) => byId(await ex.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, ids)), (r) => ({ name: r.name })),
  site: async (ex, ids) => byId(await ex.select({ id: sites.id, name: sites.name }).from(sites).where(inArray(sites.id, ids)), (r) => ({ name: r.name })),
  unit: async (ex, ids) => byId(await ex.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, ids)), (r) => ({ name: r.name })),
  pilot: async (ex, ids) => byId(await ex.select({ id: pilots.id, name: pilots.name }).from(pilots).where(inArray(pilots.id, ids)), (r) => ({ name: r.name })),
  service: async (ex, ids) => byId(await ex.select({ id: services.id, name: services.nameFi }).from(services).where(inArray(services.id, ids)), (r) => ({ name: r.name })),
  // A visitor code is its own name: a pseudonym, which the auditor may see as the worker did.
  visitor_code: (_ex, ids) => Promise.resolve(new Map(ids.map((id) => [id, { name: id }]))),
};

const isUuid = (value: string): boolean => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

/** A day a list or a change was about, kept in the row's details (e.g. the day of an encounter list). */
function dayOfDetails(details: Record<string, unknown>): string | null {
  const day = details.day;
  return typeof day === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : null;
}

/**
 * Names the target of each audit row: which encounter (its time), day list (its day), visitor code,
 * roster (group and day) or person. A target deleted since keeps what the row's details say.
 */
export async function describeTargets(ex: Executor, rows: Row[]): Promise<AuditTarget[]> {
  const idsByType = new Map<string, Set<string>>();
  for (const row of rows) {
    if (row.resourceId === null || !(row.resourceType in resolvers)) continue;
    if (row.resourceType !== 'visitor_code' && !isUuid(row.resourceId)) continue;
    idsByType.set(row.resourceType, (idsByType.get(row.resourceType) ?? new Set()).add(row.resourceId));
  }
  const found = new Map<string, Map<string, Found>>();
  for (const [type, ids] of idsByType) found.set(type, await resolvers[type]!(ex, [...ids]));
  return rows.map((row) => {
    const known = row.resourceId === null ? undefined : found.get(row.resourceType)?.get(row.resourceId);
    return { ...empty, day: dayOfDetails(row.details), ...known };
  });
}
