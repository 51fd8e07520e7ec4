import { asc, eq } from 'drizzle-orm';
import type { CodeListKind, Register } from '../../domain/code-lists.js';
import { referralStatuses, type ReferralStatus } from '../../domain/outreach.js';
import type { ReportSection } from '../../domain/report.js';
import { codes, services } from '../db/schema-outreach.js';
import type { Deps } from '../deps.js';
import type { RollupFigures } from './rollups/read.js';
import type { ReportScope } from './scope.js';
import { column, gridWithTotals, percent, row, table } from './tables.js';

const lists: { kind: CodeListKind; register: Register; key: string }[] = [
  { kind: 'need', register: 'health', key: 'needsSupport.needs.health' },
  { kind: 'need', register: 'social', key: 'needsSupport.needs.social' },
  { kind: 'support', register: 'health', key: 'needsSupport.support.health' },
  { kind: 'support', register: 'social', key: 'needsSupport.support.social' },
];
const codeKey = (kind: string, register: string, code: string) => `${kind}:${register}:${code}`;

/**
 * Encounters per need and support code. The report counts them for both registers: counts are not
 * register data, and the evaluation compares the two kinds of work.
 */
export async function needsSupportSection(deps: Deps, figures: RollupFigures): Promise<ReportSection> {
  const list = await deps.db.orm.select().from(codes).orderBy(asc(codes.sortOrder), asc(codes.code));
  const countOf = new Map(figures.keys('code').map((key) => [key, figures.get('code', key)]));
  const tables = lists.map(({ kind, register, key }) =>
    table(
      key,
      [column('encounters', 'count')],
      list
        .filter((c) => c.kind === kind && c.register === register && (c.isActive || countOf.has(codeKey(kind, register, c.code))))
        .map((c) => row(c.code, [countOf.get(codeKey(kind, register, c.code)) ?? 0], { fi: c.labelFi, sv: c.labelSv, en: c.labelEn })),
    ),
  );
  return { key: 'needsSupport', tables, texts: [] };
}

/** Referrals made in the scope's encounters, by service and by their status today. */
export async function referralsSection(deps: Deps, scope: ReportScope, figures: RollupFigures): Promise<ReportSection> {
  const directory = await deps.db.orm.select().from(services).where(eq(services.regionId, scope.regionId)).orderBy(asc(services.sortOrder), asc(services.code));
  // Rollup keys are '<service id>:<status>'.
  const byService = new Map<string, Map<ReferralStatus, number>>();
  for (const key of figures.keys('ref')) {
    const [serviceId = '', status] = key.split(':') as [string, ReferralStatus];
    const statuses = byService.get(serviceId) ?? new Map<ReferralStatus, number>();
    statuses.set(status, figures.get('ref', key));
    byService.set(serviceId, statuses);
  }
  const shown = directory.filter((s) => s.isActive || byService.has(s.id));
  const rows = shown.map((s) => ({
    key: s.code,
    label: { fi: s.nameFi, sv: s.nameSv, en: s.nameEn },
    counts: referralStatuses.map((status) => byService.get(s.id)?.get(status) ?? 0),
  }));
  const at = (counts: number[], status: ReferralStatus) => counts[referralStatuses.indexOf(status)] ?? 0;
  // Two rates, each beside the counts it divides (issue 16 item 7): realised of the referrals whose
  // outcome is known (realised or not realised), and realised of all referrals (open ones included).
  const realisation = table(
    'referrals.realisation',
    [column('realised', 'count'), column('knownOutcome', 'count'), column('all', 'count'), column('rateOfKnown', 'percent'), column('rateOfAll', 'percent')],
    rows.map((r) => {
      const all = r.counts.reduce((a, b) => a + b, 0);
      const realised = at(r.counts, 'realised');
      const known = realised + at(r.counts, 'not_realised');
      return row(r.key, [realised, known, all, percent(realised, known), percent(realised, all)], r.label);
    }),
  );
  return { key: 'referrals', tables: [gridWithTotals('referrals.byServiceAndStatus', referralStatuses, rows), realisation], texts: [] };
}
