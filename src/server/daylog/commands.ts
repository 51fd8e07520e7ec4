import { and, asc, eq, gte, lte, sql } from 'drizzle-orm';
import { addMonths, monthlyTrend, monthsInRange, type MonthTrend } from '../../domain/daylog-trend.js';
import type { DaylogInput } from '../../domain/outreach.js';
import { monthBounds } from '../../domain/recurrence.js';
import { daylog } from '../db/schema-outreach.js';
import type { Deps } from '../deps.js';
import { AppError, conflict } from '../errors.js';
import { writeAudit } from '../audit/write-audit.js';
import { today } from '../sessions/calendar.js';
import { loadSite } from '../policy/site-access.js';
import type { Ctx } from '../http/context.js';
import { checkWritableDay } from './window.js';

export type DaylogRow = typeof daylog.$inferSelect;
/** The trend looks back a year by default and at most five years at once. */
export const TREND_MONTHS = 12;
export const TREND_MAX_MONTHS = 60;

const fieldsOf = (input: DaylogInput) => ({
  breakfasts: input.breakfasts,
  lunches: input.lunches,
  estimatedVisitors: input.estimatedVisitors,
  isClosed: input.isClosed,
  openedAt: input.openedAt,
  closedAt: input.closedAt,
  events: input.events,
});

/**
 * Saves the log of one day. The device makes the entry's id, so a resend after a lost reply stores
 * nothing twice: the (site, day) row is upserted. A second device that logged the same day offline
 * updates the first entry (keeping its id) rather than failing.
 * With `baseVersion` (the form's), a save over a version someone else wrote since is refused with 409
 * `conflict`, so no number is overwritten unseen; without it the last write wins.
 * Only today and the configured number of days back may be logged (window.ts); a back-dated save says
 * so in its audit row.
 */
export async function saveDaylog(deps: Deps, ctx: Ctx, siteId: string, day: string, input: DaylogInput): Promise<{ row: DaylogRow; isCreated: boolean }> {
  await loadSite(deps, ctx.actor, siteId, 'daylog.write');
  const daysBack = checkWritableDay(deps, day);
  const now = deps.clock.now();
  return deps.db.orm.transaction(async (tx) => {
    const [sameId] = await tx.select({ siteId: daylog.siteId, day: daylog.day }).from(daylog).where(eq(daylog.id, input.id));
    if (sameId && (sameId.siteId !== siteId || sameId.day !== day)) throw conflict('This entry id was already used for another day.');
    const [existing] = await tx.select().from(daylog).where(and(eq(daylog.siteId, siteId), eq(daylog.day, day))).for('update');
    const { baseVersion } = input;
    if (baseVersion !== undefined && existing) {
      // The very save that wrote the current version, sent again after a lost reply: already stored.
      if (existing.lastEntryId === input.id) return { row: existing, isCreated: false };
      if (existing.version !== baseVersion) throw staleVersion(existing.version);
    }
    const fields = { ...fieldsOf(input), updatedBy: ctx.actor.userId, updatedAt: now, lastEntryId: input.id };
    const [row] = await tx
      .insert(daylog)
      .values({ id: input.id, siteId, day, ...fields, version: 1, createdBy: ctx.actor.userId, createdAt: now })
      .onConflictDoUpdate({
        target: [daylog.siteId, daylog.day],
        set: { ...fields, version: sql`${daylog.version} + 1` },
        // A row that appeared after the read above (no row to lock then) is not overwritten either.
        ...(baseVersion === undefined ? {} : { setWhere: eq(daylog.version, baseVersion) }),
      })
      .returning();
    if (!row) throw staleVersion(null);
    const backdated = daysBack > 0 ? { isBackdated: true, daysBack } : {};
    await writeAudit(tx, { ...ctx, at: now }, { action: 'daylog.saved', resourceType: 'daylog', resourceId: row.id, siteId, details: { day, isCreated: !existing, version: row.version, ...backdated } });
    return { row, isCreated: !existing };
  });
}

const staleVersion = (currentVersion: number | null) =>
  new AppError('conflict', 'Someone else saved this day after you opened it. Look at their numbers, then keep theirs or save yours over them.', { reason: 'stale_version', currentVersion });

async function rowsBetween(deps: Deps, siteId: string, first: string, last: string): Promise<DaylogRow[]> {
  return deps.db.orm.select().from(daylog).where(and(eq(daylog.siteId, siteId), gte(daylog.day, first), lte(daylog.day, last))).orderBy(asc(daylog.day));
}

/** The logged days of one month (default: this Helsinki month). */
export async function listDaylogMonth(deps: Deps, ctx: Ctx, siteId: string, month: string | undefined): Promise<DaylogRow[]> {
  await loadSite(deps, ctx.actor, siteId, 'daylog.read');
  const { first, last } = monthBounds(month ?? today(deps).slice(0, 7));
  return rowsBetween(deps, siteId, first, last);
}

/** Monthly means over open logged days, from `from` to `to` (default: the last twelve months). */
export async function daylogTrend(deps: Deps, ctx: Ctx, siteId: string, query: { from?: string | undefined; to?: string | undefined }): Promise<MonthTrend[]> {
  await loadSite(deps, ctx.actor, siteId, 'daylog.read');
  const to = query.to ?? today(deps).slice(0, 7);
  const from = query.from ?? addMonths(to, -(TREND_MONTHS - 1));
  if (to < from) throw new AppError('bad_request', '`to` is before `from`.', { field: 'to' });
  if (monthsInRange(from, to).length > TREND_MAX_MONTHS) throw new AppError('bad_request', `A trend may span at most ${TREND_MAX_MONTHS} months.`, { field: 'to' });
  const rows = await rowsBetween(deps, siteId, monthBounds(from).first, monthBounds(to).last);
  return monthlyTrend(rows, from, to);
}
