import { and, asc, eq, gte, inArray, lte, ne } from 'drizzle-orm';
import { helsinkiDay } from '../../domain/calendar.js';
import { quarterBounds, type Quarter } from '../../domain/structural/quarter.js';
import type { QuarterlyReport } from '../../domain/structural/observations.js';
import { writeAudit } from '../audit/write-audit.js';
import type { Executor } from '../db/connect.js';
import { municipalities } from '../db/schema.js';
import { structuralObservations, structuralQuarterlyReports } from '../db/schema-structural.js';
import type { Deps } from '../deps.js';
import { conflict, forbidden, notFound } from '../errors.js';
import type { Ctx } from '../http/context.js';
import { canSomewhere, conditionFor, type Action } from '../policy/policy.js';
import { compileCondition } from '../policy/sql.js';
import { observationColumns } from './columns.js';
import { presentObservations } from './commands.js';
import { recordEvents } from './events.js';

export type QuarterRef = Quarter & { municipalityCode: string };

const reportKey = (ref: QuarterRef) =>
  and(eq(structuralQuarterlyReports.municipalityCode, ref.municipalityCode), eq(structuralQuarterlyReports.year, ref.year), eq(structuralQuarterlyReports.quarter, ref.quarter));

async function checkMunicipality(ex: Executor, regionId: string, code: string): Promise<void> {
  const [row] = await ex.select({ code: municipalities.code }).from(municipalities).where(and(eq(municipalities.code, code), eq(municipalities.regionId, regionId)));
  if (!row) throw notFound('Municipality');
}

/**
 * The quarter's observations: exactly those submitted (by their Helsinki day of submission) within the
 * calendar quarter for the municipality, whatever has become of them since, at the sites the caller's
 * role covers. Drafts are never in a report.
 */
function quarterRows(ex: Executor, ctx: Ctx, ref: QuarterRef, action: Action, today: string) {
  const { first, last } = quarterBounds(ref);
  return ex
    .select()
    .from(structuralObservations)
    .where(
      and(
        compileCondition(conditionFor(ctx.actor, action, { today }), observationColumns),
        eq(structuralObservations.municipalityCode, ref.municipalityCode),
        ne(structuralObservations.status, 'draft'),
        gte(structuralObservations.submittedDay, first),
        lte(structuralObservations.submittedDay, last),
      ),
    )
    .orderBy(asc(structuralObservations.submittedAt), asc(structuralObservations.id));
}

async function reportOf(ex: Executor, ctx: Ctx, ref: QuarterRef, action: Action, today: string): Promise<QuarterlyReport> {
  const rows = await quarterRows(ex, ctx, ref, action, today);
  const [saved] = await ex
    .select()
    .from(structuralQuarterlyReports)
    .where(and(eq(structuralQuarterlyReports.municipalityCode, ref.municipalityCode), eq(structuralQuarterlyReports.year, ref.year), eq(structuralQuarterlyReports.quarter, ref.quarter)));
  return {
    municipalityCode: ref.municipalityCode,
    year: ref.year,
    quarter: ref.quarter,
    ...quarterBounds(ref),
    compiledAt: saved ? saved.compiledAt.toISOString() : null,
    presentedOn: saved?.presentedOn ?? null,
    deliveredAt: saved?.deliveredAt ? saved.deliveredAt.toISOString() : null,
    observations: await presentObservations(ex, ctx, rows, today),
  };
}

export async function readQuarterlyReport(deps: Deps, ctx: Ctx, ref: QuarterRef): Promise<QuarterlyReport> {
  if (!canSomewhere(ctx.actor, 'structural_report.read')) throw forbidden();
  const now = deps.clock.now();
  return deps.db.orm.transaction(async (tx) => {
    await checkMunicipality(tx, ctx.actor.regionId, ref.municipalityCode);
    const report = await reportOf(tx, ctx, ref, 'structural_report.read', helsinkiDay(now));
    await writeAudit(tx, { ...ctx, at: now }, {
      action: 'structural_report.read',
      resourceType: 'structural_report',
      resourceId: `${ref.municipalityCode}:${ref.year}Q${ref.quarter}`,
      details: { ids: report.observations.map((o) => o.id) },
    });
    return report;
  });
}

/** Compiles the quarter: its submitted observations move into the quarterly report (the others keep their later state). */
export async function compileQuarterlyReport(deps: Deps, ctx: Ctx, ref: QuarterRef): Promise<QuarterlyReport> {
  if (!canSomewhere(ctx.actor, 'structural_report.compile')) throw forbidden();
  const now = deps.clock.now();
  const today = helsinkiDay(now);
  return deps.db.orm.transaction(async (tx) => {
    await checkMunicipality(tx, ctx.actor.regionId, ref.municipalityCode);
    const [saved] = await tx.select().from(structuralQuarterlyReports).where(reportKey(ref)).for('update');
    if (saved?.deliveredAt) throw conflict('The quarterly report has been delivered and is closed.');
    const rows = await quarterRows(tx, ctx, ref, 'structural_report.compile', today);
    const moving = rows.filter((r) => r.status === 'submitted').map((r) => r.id);
    if (moving.length > 0) {
      await tx.update(structuralObservations).set({ status: 'in_quarterly_report', updatedAt: now }).where(inArray(structuralObservations.id, moving));
      await recordEvents(tx, deps, ctx.actor.userId, now, moving.map((observationId) => ({ observationId, kind: 'compiled' as const, status: 'in_quarterly_report' as const })));
    }
    await tx
      .insert(structuralQuarterlyReports)
      .values({ id: deps.ids.newId(), regionId: ctx.actor.regionId, municipalityCode: ref.municipalityCode, year: ref.year, quarter: ref.quarter, compiledBy: ctx.actor.userId, compiledAt: now })
      .onConflictDoUpdate({ target: [structuralQuarterlyReports.municipalityCode, structuralQuarterlyReports.year, structuralQuarterlyReports.quarter], set: { compiledBy: ctx.actor.userId, compiledAt: now } });
    await writeAudit(tx, { ...ctx, at: now }, {
      action: 'structural_report.compiled',
      resourceType: 'structural_report',
      resourceId: `${ref.municipalityCode}:${ref.year}Q${ref.quarter}`,
      details: { ids: rows.map((r) => r.id), moved: moving.length },
    });
    return reportOf(tx, ctx, ref, 'structural_report.compile', today);
  });
}

/** The report was presented in the municipality: its compiled observations become "presented". */
export async function presentQuarterlyReport(deps: Deps, ctx: Ctx, ref: QuarterRef & { presentedOn: string }): Promise<QuarterlyReport> {
  if (!canSomewhere(ctx.actor, 'structural_report.compile')) throw forbidden();
  const now = deps.clock.now();
  const today = helsinkiDay(now);
  return deps.db.orm.transaction(async (tx) => {
    await checkMunicipality(tx, ctx.actor.regionId, ref.municipalityCode);
    const key = and(eq(structuralQuarterlyReports.municipalityCode, ref.municipalityCode), eq(structuralQuarterlyReports.year, ref.year), eq(structuralQuarterlyReports.quarter, ref.quarter));
    const [saved] = await tx.update(structuralQuarterlyReports).set({ presentedOn: ref.presentedOn }).where(key).returning();
    if (!saved) throw notFound('Quarterly report');
    const rows = await quarterRows(tx, ctx, ref, 'structural_report.compile', today);
    const moving = rows.filter((r) => r.status === 'in_quarterly_report').map((r) => r.id);
    if (moving.length > 0) {
      await tx.update(structuralObservations).set({ status: 'presented', updatedAt: now }).where(inArray(structuralObservations.id, moving));
      await recordEvents(tx, deps, ctx.actor.userId, now, moving.map((observationId) => ({ observationId, kind: 'presented' as const, status: 'presented' as const })));
    }
    await writeAudit(tx, { ...ctx, at: now }, {
      action: 'structural_report.presented',
      resourceType: 'structural_report',
      resourceId: `${ref.municipalityCode}:${ref.year}Q${ref.quarter}`,
      details: { ids: moving, presentedOn: ref.presentedOn },
    });
    return reportOf(tx, ctx, ref, 'structural_report.compile', today);
  });
}

/**
 * Delivers the compiled report to the managers. From then on it is closed: it is not compiled again, and
 * its observations are no longer edited or co-signed; the managers' answers still come back.
 */
export async function deliverQuarterlyReport(deps: Deps, ctx: Ctx, ref: QuarterRef): Promise<QuarterlyReport> {
  if (!canSomewhere(ctx.actor, 'structural_report.compile')) throw forbidden();
  const now = deps.clock.now();
  const today = helsinkiDay(now);
  return deps.db.orm.transaction(async (tx) => {
    await checkMunicipality(tx, ctx.actor.regionId, ref.municipalityCode);
    const [saved] = await tx.select().from(structuralQuarterlyReports).where(reportKey(ref)).for('update');
    if (!saved) throw notFound('Quarterly report');
    if (saved.deliveredAt) throw conflict('The quarterly report has already been delivered.');
    await tx.update(structuralQuarterlyReports).set({ deliveredAt: now, deliveredBy: ctx.actor.userId }).where(reportKey(ref));
    const report = await reportOf(tx, ctx, ref, 'structural_report.compile', today);
    await writeAudit(tx, { ...ctx, at: now }, {
      action: 'structural_report.delivered',
      resourceType: 'structural_report',
      resourceId: `${ref.municipalityCode}:${ref.year}Q${ref.quarter}`,
      details: { ids: report.observations.map((o) => o.id) },
    });
    return report;
  });
}
