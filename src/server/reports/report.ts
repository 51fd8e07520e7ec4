import type { Report, ReportQuery, ReportSection } from '../../domain/report.js';
import { writeAudit } from '../audit/write-audit.js';
import { publishSections } from './publish.js';
import type { Deps } from '../deps.js';
import { forbidden } from '../errors.js';
import { pilotSection } from '../pilots/report-scope.js';
import { daylogSection } from './daylog.js';
import { encounterSections } from './encounter-figures.js';
import { feedbackSection } from './feedback.js';
import { groupsSection } from './groups.js';
import { needsSupportSection, referralsSection } from './needs-referrals.js';
import { canAtEvery, reportThreshold, resolveScope, type ReportScope } from './scope.js';
import { timingSection } from './timing.js';
import { readProfessionalFacts } from './professional-facts.js';
import { receptionHours, withOwnFigures, withProfessionTables } from './profession-tables.js';
import { readRollups } from './rollups/read.js';
import { foldedAt, foldForRead } from './rollups/refresh.js';
import type { Ctx } from '../http/context.js';


/** The query as the audit log keeps it: ids, days and options, never free text. */
const auditedQuery = (scope: ReportScope, q: ReportQuery) => ({
  siteIds: scope.siteIds,
  from: scope.from,
  to: scope.to,
  pilotId: q.pilotId ?? null,
  sessionKind: scope.sessionKind,
  windowShare: q.windowShare,
});

/**
 * The evaluation report (domain.md § 5). Encounter, referral, code and session figures come from the
 * rollups (one query for the whole scope); day logs, groups and feedback from their own tables. The published view hides small numbers (suppressTable); the exact view is
 * for readers with report.unsuppressed at every site, and switching to it is audited.
 */
/**
 * `unpublished`: the sections as computed, left for the caller's own suppression pass (a comparison
 * publishes its sides together, comparison.ts); `quiet` also leaves out open answers (an overlap that is
 * never shown reads none).
 */
export type BuildOptions = { unpublished?: boolean; quiet?: boolean };

export async function buildReport(deps: Deps, ctx: Ctx, q: ReportQuery, options: BuildOptions = {}): Promise<Report> {
  const scope = await resolveScope(deps, ctx.actor, q);
  const canSeeExact = scope.siteIds.length > 0 && canAtEvery(ctx.actor, 'report.unsuppressed', scope);
  if (q.exact && !canSeeExact) throw forbidden();
  const includeOpen = !options.quiet && scope.siteIds.length > 0 && canAtEvery(ctx.actor, 'feedback.open_answers', scope);
  const threshold = reportThreshold(deps);

  // Changes queued since the last fold are folded in first when they are few and no other fold is
  // running; a report never waits for one nor takes on a backlog (the background job folds every few
  // seconds), and says how fresh its figures are.
  await foldForRead(deps.db, deps.clock.now());
  const figuresAsOf = await foldedAt(deps.db.orm);
  // The day log and groups do not need the rollups: on PostgreSQL they run beside the rollup read on
  // other pooled connections (PGlite takes the statements one at a time either way).
  const independent = Promise.all([daylogSection(deps, scope), groupsSection(deps, scope)]);
  // Awaited below; if the rollup read fails first, this keeps its own failure from going unhandled.
  independent.catch(() => undefined);
  // Per-professional figures come from the base tables, read only for a reader who gets them: every
  // professional (a coordinator's exact view) or their own row, then for their user only.
  const everyProfessional = q.exact && canAtEvery(ctx.actor, 'report.per_professional', scope);
  const ownFigures = !everyProfessional && scope.siteIds.length > 0 && canAtEvery(ctx.actor, 'report.own_figures', scope);
  const professionalFacts = everyProfessional || ownFigures ? readProfessionalFacts(deps.db.orm, scope, everyProfessional ? null : ctx.actor.userId) : null;
  professionalFacts?.catch(() => undefined);
  const figures = await readRollups(deps.db.orm, scope);
  const encounterPart = encounterSections(figures, receptionHours(figures));
  const timing = timingSection(figures, q.windowShare);
  const [needs, referrals, feedback] = await Promise.all([
    needsSupportSection(deps, figures),
    referralsSection(deps, scope, figures),
    feedbackSection(deps, scope, figures, encounterPart.totals.meetings, { ...ctx, includeOpen }),
  ]);
  const [daylog, groups] = await independent;
  const [overview, professionals, visits, ageBands] = encounterPart.sections as [ReportSection, ReportSection, ReportSection, ReportSection];
  const facts = await professionalFacts;
  const sections: ReportSection[] = withProfessionTables([overview, professionals, visits, referrals, ageBands, needs, timing, daylog, groups, feedback], figures, everyProfessional ? facts : null);
  if (q.pilotId) sections.push(await pilotSection(deps, ctx.actor, q.pilotId));

  const withOwn = (shown: ReportSection[]) => (ownFigures && facts ? withOwnFigures(shown, facts, ctx.actor.userId) : shown);
  if (q.exact) {
    await writeAudit(deps.db.orm, { ...ctx, at: deps.clock.now() }, {
      action: 'report.exact_viewed',
      resourceType: 'report',
      resourceId: q.pilotId ?? null,
      siteId: scope.siteIds.length === 1 ? scope.siteIds[0]! : null,
      regionId: scope.regionId,
      details: auditedQuery(scope, q),
    });
  }
  return {
    query: { siteIds: scope.siteIds, from: scope.from, to: scope.to, pilotId: q.pilotId ?? null, sessionKind: scope.sessionKind, windowShare: q.windowShare },
    sites: scope.sites,
    isSuppressed: !q.exact,
    threshold,
    canSeeExact,
    generatedAt: deps.clock.now().toISOString(),
    figuresAsOf,
    sections: withOwn(q.exact || options.unpublished ? sections : publishSections(sections, threshold)),
  };
}
