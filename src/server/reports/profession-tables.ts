import { ageBands } from '../../domain/code-lists.js';
import { professions, type Profession } from '../../domain/org.js';
import type { ReportRow, ReportSection, ReportTable } from '../../domain/report.js';
import type { ProfessionalContacts, ProfessionalFacts } from './professional-facts.js';
import type { RollupFigures } from './rollups/read.js';
import { column, ratio, row, sameInAll, table } from './tables.js';

/*
 * Per-profession breakdowns of the encounter sections (issue 16 item 2; keys in tables.ts). Each row is
 * a profession and counts its professional contacts: a joint meeting counts once in the row of each
 * professional in it (domain.md § 4.3 counting rule), so every table's last count column is that
 * profession's contacts, the same figure as in `professionals.byProfession`. Joint meetings also have
 * rows of their own, by the professions that met together. Every per-profession figure is read from
 * the scope's summed rollups (keys of migration 0020); only the per-professional table reads the base
 * tables (professional-facts.ts), and only for a reader who gets it.
 */

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
const domainOrder = (p: string) => {
  const i = professions.indexOf(p as Profession);
  return i < 0 ? professions.length : i;
};

/** A professions × columns grid of counts with each row's total (the contacts) and a totals row. */
function byProfession(key: string, columnKeys: readonly string[], countOf: (profession: Profession, columnKey: string) => number): ReportTable {
  const rows = professions.map((p) => ({ key: p, counts: columnKeys.map((k) => countOf(p, k)) }));
  const columnTotals = columnKeys.map((_, c) => sum(rows.map((r) => r.counts[c]!)));
  return table(
    key,
    [...columnKeys.map((k) => column(k, 'count')), column('total', 'count')],
    rows.map((r) => row(r.key, [...r.counts, sum(r.counts)])),
    { totals: [...columnTotals, sum(columnTotals)], hasRowTotals: true },
  );
}

export function visitTablesByProfession(figures: RollupFigures): ReportTable[] {
  const of = (metric: string) => (p: Profession, k: string) => figures.get(metric, `${p}:${k}`);
  return [
    byProfession('visits.firstWithProfessional', ['first', 'repeat', 'notRecorded'], of('pc_first')),
    byProfession('visits.firstInRegionByProfession', ['first', 'repeat', 'unknown'], of('pc_region')),
    byProfession('visits.anonymousByProfession', ['anonymous', 'notAnonymous', 'notRecorded'], of('pc_anon')),
    byProfession('visits.urgencyByProfession', ['urgent', 'not_urgent'], of('pc_urgent')),
  ];
}

export function ageTableByProfession(figures: RollupFigures): ReportTable {
  return byProfession('ageBands.byProfession', ageBands, (p, band) => figures.get('pc_age', `${p}:${band}`));
}

/**
 * Hours and contacts per hour by profession (item 5). Hours are the held sessions' professional hours
 * (session_professionals.hours, the session's length unless another was recorded) of each professional's
 * profession today (migration 0020 keeps the rollups to it); the totals row's hours are all professional
 * hours, as in the overview.
 */
export function hoursTableByProfession(figures: RollupFigures): ReportTable {
  const hoursOf = (p: Profession) => figures.get('sess', `hours_x100:${p}`) / 100;
  const contactsOf = (p: Profession) => figures.get('prof_c', p);
  const allHours = figures.get('sess', 'hours_x100') / 100;
  const allContacts = sum(professions.map(contactsOf));
  return table(
    'professionals.hoursByProfession',
    [column('hours', 'measure'), column('contacts', 'count'), column('contactsPerHour', 'mean')],
    professions.map((p) => row(p, [hoursOf(p), contactsOf(p), ratio(contactsOf(p), hoursOf(p))])),
    { totals: [allHours, allContacts, ratio(allContacts, allHours)] },
  );
}

/** Reception hours: how long the held outreach sessions were open, summed (item 5). */
export const receptionHours = (figures: RollupFigures): number => figures.get('sess', 'reception_s') / 3600;

/** Joint meetings by the professions that met together (key 'nurse+social_worker'), with or without a referral. */
export function jointMeetingsTable(figures: RollupFigures): ReportTable {
  const combos = new Map<string, { withReferral: number; withoutReferral: number }>();
  for (const rollupKey of figures.keys('joint_m')) {
    // '<professions>:with|without'; the rollups order the professions by byte, the table by the domain.
    const [professionList, referral] = rollupKey.split(':') as [string, string];
    const key = professionList.split('+').sort((a, b) => domainOrder(a) - domainOrder(b) || a.localeCompare(b)).join('+');
    const entry = combos.get(key) ?? { withReferral: 0, withoutReferral: 0 };
    if (referral === 'with') entry.withReferral += figures.get('joint_m', rollupKey);
    else entry.withoutReferral += figures.get('joint_m', rollupKey);
    combos.set(key, entry);
  }
  const keys = [...combos.keys()].sort((a, b) => {
    const [pa, pb] = [a.split('+'), b.split('+')];
    for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
      const d = domainOrder(pa[i]!) - domainOrder(pb[i]!);
      if (d !== 0) return d;
    }
    return pa.length - pb.length;
  });
  const rows = keys.map((k) => ({ key: k, counts: [combos.get(k)!.withReferral, combos.get(k)!.withoutReferral] }));
  const withReferral = sum(rows.map((r) => r.counts[0]!));
  const withoutReferral = sum(rows.map((r) => r.counts[1]!));
  return table(
    'professionals.jointMeetings',
    [column('withReferral', 'count'), column('withoutReferral', 'count'), column('meetings', 'count')],
    rows.map((r) => row(r.key, [...r.counts, sum(r.counts)])),
    { totals: [withReferral, withoutReferral, withReferral + withoutReferral], hasRowTotals: true },
  );
}

/**
 * Meetings per need or support code in which a professional of each profession took part (a joint
 * meeting of two professions counts in both columns). Rows: the codes of the list table that were used,
 * with its labels. No totals: a meeting may carry many codes.
 */
export function codeTableByProfession(figures: RollupFigures, listTable: ReportTable): ReportTable {
  const [, kind, register] = listTable.key.split('.') as [string, string, string];
  const codeKind = kind === 'needs' ? 'need' : 'support';
  const meetings = (p: Profession, code: string) => figures.get('pc_code', `${p}:${codeKind}:${register}:${code}`);
  const used = listTable.rows.filter((r) => (r.cells[0]?.value ?? 0) > 0);
  return table(
    listTable.key.replace('needsSupport.', 'needsSupport.byProfession.'),
    professions.map((p) => column(p, 'count')),
    used.map((r) => row(r.key, professions.map((p) => meetings(p, r.key)), r.label)),
  );
}

/**
 * Referrals made (item 3) by the referring professional's profession (the profession they had in that
 * encounter, else their profession today); the counts by target service are `referrals.byServiceAndStatus`.
 * A referrer of no known profession gets a row of its own when there is one. Profession × service is not
 * crossed: its small cells would force hiding the service totals of the status table as well.
 */
export function referralTableByProfession(figures: RollupFigures): ReportTable {
  const rowKeys: string[] = [...professions];
  if (figures.get('pc_ref', 'unknownProfession') > 0) rowKeys.push('unknownProfession');
  const counts = rowKeys.map((k) => figures.get('pc_ref', k));
  return table('referrals.byProfession', [column('referrals', 'count')], rowKeys.map((k, i) => row(k, [counts[i]!])), { totals: [sum(counts)] });
}

/**
 * Each named professional's own figures (monitoring of employees: docs/PRIVACY.md). Only in the exact
 * view of a reader with report.per_professional, or a professional's own row (report.own_figures).
 * Row key '<profession>:<user id>', label the name.
 */
export function perProfessionalTable(facts: ProfessionalFacts, onlyUserId: string | null): ReportTable {
  const people = new Map<string, { profession: string; contacts: ProfessionalContacts[] }>();
  for (const c of facts.contacts) {
    const entry = people.get(c.userId) ?? { profession: c.profession, contacts: [] };
    entry.contacts.push(c);
    people.set(c.userId, entry);
  }
  for (const h of facts.hours) if (!people.has(h.userId) && h.profession) people.set(h.userId, { profession: h.profession, contacts: [] });
  const nameOf = new Map(facts.names.map((n) => [n.userId, n.displayName]));
  const rows: ReportRow[] = [...people.entries()]
    .filter(([userId]) => onlyUserId === null || userId === onlyUserId)
    .sort(([a, pa], [b, pb]) => domainOrder(pa.profession) - domainOrder(pb.profession) || (nameOf.get(a) ?? a).localeCompare(nameOf.get(b) ?? b, 'fi'))
    .map(([userId, { profession, contacts }]) => {
      const n = (test: (c: ProfessionalContacts) => boolean) => sum(contacts.filter(test).map((c) => c.n));
      const all = n(() => true);
      const hours = sum(facts.hours.filter((h) => h.userId === userId).map((h) => h.hours));
      const referrals = sum(facts.referrals.filter((r) => r.userId === userId).map((r) => r.n));
      return row(`${profession}:${userId}`, [
        all, n((c) => c.joint), n((c) => c.firstWith === true), n((c) => c.firstWith === false), n((c) => c.firstWith === null),
        n((c) => c.anonymous === true), n((c) => c.urgent), referrals, hours, ratio(all, hours),
      ], sameInAll(nameOf.get(userId) ?? userId));
    });
  return table(
    'professionals.perProfessional',
    [
      ...['contacts', 'jointContacts', 'firstWithProfessional', 'repeatWithProfessional', 'firstNotRecorded', 'anonymous', 'urgent', 'referralsMade'].map((k) => column(k, 'count')),
      column('hours', 'measure'), column('contactsPerHour', 'mean'),
    ],
    rows,
  );
}

/**
 * The sections with the per-profession tables added after the tables they break down (and, for a
 * coordinator's exact view, every professional's row). The own row of a professional is added after
 * suppression instead (withOwnFigures): it is exact, and shown to them only.
 */
export function withProfessionTables(sections: ReportSection[], figures: RollupFigures, perProfessional: ProfessionalFacts | null): ReportSection[] {
  const tablesOf = (s: ReportSection): ReportTable[] => {
    switch (s.key) {
      case 'professionals':
        return [...s.tables, hoursTableByProfession(figures), jointMeetingsTable(figures), ...(perProfessional ? [perProfessionalTable(perProfessional, null)] : [])];
      case 'visits':
        return [...s.tables, ...visitTablesByProfession(figures)];
      case 'ageBands':
        return [...s.tables, ageTableByProfession(figures)];
      case 'needsSupport':
        return [...s.tables, ...s.tables.map((t) => codeTableByProfession(figures, t))];
      case 'referrals':
        return [...s.tables, referralTableByProfession(figures)];
      case 'overview':
      case 'timing':
      case 'daylog':
      case 'groups':
      case 'feedback':
      case 'pilot':
        return s.tables;
    }
  };
  return sections.map((s) => ({ ...s, tables: tablesOf(s) }));
}

/** Adds a professional's own row (exact) to the professionals section of the report they get. */
export function withOwnFigures(sections: ReportSection[], facts: ProfessionalFacts, userId: string): ReportSection[] {
  return sections.map((s) => (s.key !== 'professionals' ? s : { ...s, tables: [...s.tables, perProfessionalTable(facts, userId)] }));
}
