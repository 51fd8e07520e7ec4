import { and, asc, eq, gte, lte, ne } from 'drizzle-orm';
import { helsinkiDay } from '../../domain/calendar.js';
import { summarizeYear, type YearlySummary } from '../../domain/structural/observations.js';
import { writeAudit } from '../audit/write-audit.js';
import { municipalities } from '../db/schema.js';
import { structuralObservations, structuralQuarterlyReports } from '../db/schema-structural.js';
import type { Deps } from '../deps.js';
import { forbidden, notFound } from '../errors.js';
import type { Ctx } from '../http/context.js';
import { canSomewhere, conditionFor } from '../policy/policy.js';
import { compileCondition } from '../policy/sql.js';
import { observationColumns } from './columns.js';
import { presentObservations } from './commands.js';

export type YearRef = { municipalityCode: string; year: number };

/**
 * The municipality's calendar year for the wellbeing report: exactly the observations submitted (by
 * their Helsinki day) within the year, whatever has become of them since, at the sites the caller's
 * role covers; the quarters' reports as compiled, presented and delivered.
 */
export async function readYearlySummary(deps: Deps, ctx: Ctx, ref: YearRef): Promise<YearlySummary> {
  if (!canSomewhere(ctx.actor, 'structural_report.read')) throw forbidden();
  const now = deps.clock.now();
  const today = helsinkiDay(now);
  const first = `${ref.year}-01-01`;
  const last = `${ref.year}-12-31`;
  return deps.db.orm.transaction(async (tx) => {
    const [municipality] = await tx
      .select({ code: municipalities.code })
      .from(municipalities)
      .where(and(eq(municipalities.code, ref.municipalityCode), eq(municipalities.regionId, ctx.actor.regionId)));
    if (!municipality) throw notFound('Municipality');
    const rows = await tx
      .select()
      .from(structuralObservations)
      .where(
        and(
          compileCondition(conditionFor(ctx.actor, 'structural_report.read', { today }), observationColumns),
          eq(structuralObservations.municipalityCode, ref.municipalityCode),
          ne(structuralObservations.status, 'draft'),
          gte(structuralObservations.submittedDay, first),
          lte(structuralObservations.submittedDay, last),
        ),
      )
      .orderBy(asc(structuralObservations.submittedAt), asc(structuralObservations.id));
    const reports = await tx
      .select()
      .from(structuralQuarterlyReports)
      .where(and(eq(structuralQuarterlyReports.municipalityCode, ref.municipalityCode), eq(structuralQuarterlyReports.year, ref.year)));
    const counts = summarizeYear(rows);
    const observations = await presentObservations(tx, ctx, rows, today);
    await writeAudit(tx, { ...ctx, at: now }, {
      action: 'structural_report.read',
      resourceType: 'structural_report',
      resourceId: `${ref.municipalityCode}:${ref.year}`,
      details: { ids: rows.map((r) => r.id), yearly: true },
    });
    return {
      municipalityCode: ref.municipalityCode,
      year: ref.year,
      first,
      last,
      byCategory: counts.byCategory,
      byStatus: counts.byStatus,
      byQuarter: counts.byQuarter.map((q) => {
        const saved = reports.find((r) => r.quarter === q.quarter);
        return {
          ...q,
          compiledAt: saved ? saved.compiledAt.toISOString() : null,
          presentedOn: saved?.presentedOn ?? null,
          deliveredAt: saved?.deliveredAt ? saved.deliveredAt.toISOString() : null,
        };
      }),
      observations,
    };
  });
}
