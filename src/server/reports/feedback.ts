import { AGREEMENT_MAX, AGREEMENT_MIN, responseRate, scoredItemResult, type ItemDefinition } from '../../domain/feedback.js';
import type { ReportSection, ReportTable } from '../../domain/report.js';
import { writeAudit } from '../audit/write-audit.js';
import type { Deps } from '../deps.js';
import { itemDefinition } from '../feedback/forms-repo.js';
import type { Actor } from '../policy/policy.js';
import { formsSiteIds } from '../feedback/form-sites.js';
import { answeredVersions, choiceCountsByItem, groupAttendance, itemsOf, openAnswers, scoreCountsByItem, type AnsweredVersion, type ChoiceCounts } from './feedback-queries.js';
import { readSiteFigure, type RollupFigures } from './rollups/read.js';
import type { ReportScope } from './scope.js';
import { column, row, shareTable, table } from './tables.js';

const scoreKeys = Array.from({ length: AGREEMENT_MAX - AGREEMENT_MIN + 1 }, (_, i) => `s${AGREEMENT_MIN + i}`);
// n is the row total of the five scores (so a hidden score cannot be recovered from it); "does not
// apply" is not part of n and has a table of its own.
const itemColumns = [...scoreKeys.map((k) => column(k, 'count')), column('n', 'count'), column('shareAgreeing', 'percent'), column('mean', 'mean')];
const asPercent = (share: number | null) => (share === null ? null : share * 100);

type Reader = { actor: Actor; requestId: string | null; includeOpen: boolean };

/**
 * Visitor feedback in the scope, one block per form version answered (old answers keep their wording).
 * Response rates are against the meetings of the scope at the sites where the form was in use (as on
 * the feedback results page), or for a version answered only at group sessions against the attendance
 * of the period's group sessions. Open answers only for readers who
 * may see them, and reading them is audited per form as on the results page.
 */
export async function feedbackSection(deps: Deps, scope: ReportScope, figures: RollupFigures, meetings: number, reader: Reader): Promise<ReportSection> {
  const versions = await answeredVersions(deps, figures);
  if (versions.length === 0) {
    return { key: 'feedback', tables: [table('feedback.notApplicable', [column('notApplicable', 'count')], []), table('feedback.recommendation', [column('n', 'count'), column('mean', 'mean')], []), responsesTable([])], texts: [] };
  }
  const versionIds = versions.map((v) => v.id);
  const needsAttendance = versions.some((v) => v.outsideGroups === 0);
  const [items, texts, attended, choices] = await Promise.all([
    itemsOf(deps, versionIds),
    reader.includeOpen ? openAnswers(deps, scope, versionIds) : Promise.resolve([]),
    needsAttendance ? groupAttendance(deps, scope) : Promise.resolve(0),
    choiceCountsByItem(deps, scope, versionIds),
  ]);
  const counts = scoreCountsByItem(figures);
  const noAnswers = { byScore: new Map<number, number>(), notApplicable: 0 };
  const itemTables: ReportTable[] = [];
  const recommendations = [];
  const notApplicable = [];
  for (const version of versions) {
    for (const item of items.filter((i) => i.versionId === version.id)) {
      const definition = itemDefinition(item);
      if (definition.kind === 'single_choice' || definition.kind === 'multiple_choice') {
        const counted = choices.get(item.id);
        if (counted) itemTables.push(choiceTable(definition, counted));
        continue;
      }
      const result = scoredItemResult(definition, counts.get(item.id) ?? noAnswers);
      if (result === null) continue;
      const label = result.text;
      if (result.kind === 'agreement') {
        const counts = result.distribution.map((d) => d.count);
        itemTables.push(table(`feedback.item.${item.id}`, itemColumns, [row(item.id, [...counts, result.n, asPercent(result.shareAgreeing), result.mean], label)], { hasRowTotals: true }));
        notApplicable.push(row(item.id, [result.notApplicable], label));
      } else if (result.kind === 'recommendation') {
        recommendations.push(row(item.id, [result.n, result.mean], label));
      }
    }
  }
  const atFormSites = await meetingsAtFormSites(deps, scope, meetings, versions.filter((v) => v.outsideGroups > 0));
  const rates = versions.map((v) => ({ version: v, peopleMet: v.outsideGroups === 0 ? attended : atFormSites.get(v.formId)! }));
  await auditOpenAnswers(deps, scope, reader, texts);
  return {
    key: 'feedback',
    tables: [...itemTables, table('feedback.notApplicable', [column('notApplicable', 'count')], notApplicable), table('feedback.recommendation', [column('n', 'count'), column('mean', 'mean')], recommendations), responsesTable(rates)],
    texts: texts.map((t) => ({ key: t.itemId, text: t.text, label: questionOf(items, t.itemId) })),
  };
}

/**
 * A choice question's table, keyed `feedback.choice.<itemId>` and labelled with the question. One-of
 * (yes/no included): the options add up to n, so a share table with n as its total. Many-of: each
 * option is chosen or not by each of the n who answered, so chosen + notChosen = n in every row, and
 * the share is chosen of n (suppressSharedBase protects the n that every row repeats).
 */
function choiceTable(item: ItemDefinition, counted: ChoiceCounts): ReportTable {
  const key = `feedback.choice.${item.id}`;
  const optionLabel = (o: ItemDefinition['options'][number]) => ({ fi: o.fi, sv: o.sv || o.fi, en: o.en || o.fi });
  const chosen = (optionKey: string) => counted.byOption.get(optionKey) ?? 0;
  const labelled = (t: ReportTable): ReportTable => ({ ...t, label: item.text });
  if (item.kind === 'single_choice') {
    return labelled(shareTable(key, item.options.map((o) => ({ key: o.key, count: chosen(o.key), label: optionLabel(o) })), 'share'));
  }
  return labelled(
    table(
      key,
      [column('chosen', 'count'), column('notChosen', 'count'), column('n', 'count'), column('share', 'percent')],
      item.options.map((o) => row(o.key, [chosen(o.key), counted.n - chosen(o.key), counted.n, counted.n > 0 ? (chosen(o.key) / counted.n) * 100 : null], optionLabel(o))),
      { hasRowTotals: true },
    ),
  );
}

/**
 * Per form, the meetings of the scope at the sites where the form was in use (formsSiteIds, shared with
 * the results page). When those are all the scope's sites that is the scope's meeting count already
 * summed from the rollups; otherwise it is summed from the rollups of the form's sites, or, when the form
 * was left out of fewer sites than it was used at, the scope's count less those sites' (the same integer
 * sums either way). Two reads whatever the number of forms: the forms' sites, and the meetings per site
 * of the sites some form needs (readSiteFigure).
 */
async function meetingsAtFormSites(deps: Deps, scope: ReportScope, meetings: number, versions: AnsweredVersion[]): Promise<Map<string, number>> {
  const formIds = [...new Set(versions.map((v) => v.formId))];
  const sitesByForm = await formsSiteIds(deps.db.orm, formIds, scope.siteIds);
  const ways = [...sitesByForm].map(([formId, siteIds]) => {
    const used = new Set(siteIds);
    const left = scope.siteIds.filter((id) => !used.has(id));
    return left.length < siteIds.length ? { formId, subtract: true, siteIds: left } : { formId, subtract: false, siteIds };
  });
  // Summed from the sites' rollups, as the scope's own count is: counting the encounters themselves
  // would make every report read cost more as the period fills up.
  const needed = [...new Set(ways.flatMap((w) => w.siteIds))];
  const perSite = needed.length === 0 ? new Map<string, number>() : await readSiteFigure(deps.db.orm, scope, needed, 'enc', 'meetings');
  const sum = (siteIds: string[]) => siteIds.reduce((total, id) => total + (perSite.get(id) ?? 0), 0);
  return new Map(ways.map((w) => [w.formId, w.subtract ? meetings - sum(w.siteIds) : sum(w.siteIds)]));
}

/** The wording of an open question, naming its answers on the page. */
function questionOf(items: { id: string; textFi: string; textSv: string; textEn: string }[], itemId: string) {
  const item = items.find((i) => i.id === itemId);
  return item ? { fi: item.textFi, sv: item.textSv, en: item.textEn } : null;
}

function responsesTable(rates: { version: { id: string; version: number; name: { fi: string; sv: string; en: string }; responses: number }; peopleMet: number }[]): ReportTable {
  return table(
    'feedback.responses',
    [column('responses', 'count'), column('peopleMet', 'count'), column('responseRate', 'percent')],
    rates.map(({ version, peopleMet }) => {
      const rate = responseRate(version.responses, peopleMet);
      return row(version.id, [version.responses, peopleMet, rate === null ? null : rate * 100], version.name);
    }),
  );
}

async function auditOpenAnswers(deps: Deps, scope: ReportScope, reader: Reader, texts: { formId: string }[]): Promise<void> {
  const perForm = new Map<string, number>();
  for (const t of texts) perForm.set(t.formId, (perForm.get(t.formId) ?? 0) + 1);
  for (const [formId, count] of perForm) {
    await writeAudit(deps.db.orm, { actor: reader.actor, requestId: reader.requestId, at: deps.clock.now() }, {
      action: 'feedback.open_answers_read',
      resourceType: 'feedback_form',
      resourceId: formId,
      siteId: scope.siteIds.length === 1 ? scope.siteIds[0]! : null,
      regionId: scope.regionId,
      details: { count, source: 'report', siteIds: scope.siteIds, from: scope.from, to: scope.to },
    });
  }
}
