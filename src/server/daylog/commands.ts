import { and, asc, eq, gte, lte } from 'drizzle-orm';
import { addMonths, monthlyTrend, monthsInRange, type MonthTrend } from '../../domain/daylog-trend.js';
import type { DaylogInput } from '../../domain/outreach.js';
import { addDays, monthBounds } from '../../domain/recurrence.js';
import { daylog } from '../db/schema-outreach.js';
import type { Deps } from '../deps.js';
import { AppError, conflict } from '../errors.js';
import { writeAudit } from '../audit/write-audit.js';
import { today } from '../sessions/calendar.js';
import { loadSite, type Ctx } from '../sessions/commands.js';

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
 * nothing twice: the (site, day) row is upserted and the last write wins. A second device that
 * logged the same day offline updates the first entry (keeping its id) rather than failing.
 */
export async function saveDaylog(deps: Deps, ctx: Ctx, siteId: string, day: string, input: DaylogInput): Promise<{ row: DaylogRow; isCreated: boolean }> {
  await loadSite(deps, ctx.actor, siteId, 'daylog.write');
  // Tomorrow is allowed: a centre may log a planned closure the evening before.
  if (day > addDays(today(deps), 1)) throw new AppError('bad_request', 'A day more than one day ahead cannot be logged yet.', { field: 'day' });
  const now = deps.clock.now();
  return deps.db.orm.transaction(async (tx) => {
    const [sameId] = await tx.select({ siteId: daylog.siteId, day: daylog.day }).from(daylog).where(eq(daylog.id, input.id));
    if (sameId && (sameId.siteId !== siteId || sameId.day !== day)) throw conflict('This entry id was already used for another day.');
    const [existing] = await tx.select({ id: daylog.id }).from(daylog).where(and(eq(daylog.siteId, siteId), eq(daylog.day, day)));
    const fields = { ...fieldsOf(input), updatedBy: ctx.actor.userId, updatedAt: now };
    const [row] = await tx
      .insert(daylog)
      .values({ id: input.id, siteId, day, ...fields, createdBy: ctx.actor.userId, createdAt: now })
      .onConflictDoUpdate({ target: [daylog.siteId, daylog.day], set: fields })
      .returning();
    await writeAudit(tx, { ...ctx, at: now }, { action: 'daylog.saved', resourceType: 'daylog', resourceId: row!.id, siteId, details: { day, isCreated: !existing } });
    return { row: row!, isCreated: !existing };
  });
}

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
