import { ageBands } from '../../domain/code-lists.js';
import { professions, type Profession } from '../../domain/org.js';
import type { ReportRow, ReportSection, ReportTable } from '../../domain/report.js';
import type { ContactGroup, ProfessionFacts } from './profession-facts.js';
import { column, ratio, row, sameInAll, table } from './tables.js';

/*
 * Per-profession breakdowns of the encounter sections (issue 16 item 2; keys in tables.ts). Each row is
 * a profession and counts its professional contacts: a joint meeting counts once in the row of each
 * professional in it (domain.md § 4.3 counting rule), so every table's last count column is that
 * profession's contacts, the same figure as in `professionals.byProfession`. Joint meetings also have
 * rows of their own, by the professions that met together.
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

/** Contacts of a profession matching a test. */
const counter = (contacts: ContactGroup[]) => (profession: Profession, test: (c: ContactGroup) => boolean) =>
  sum(contacts.filter((c) => c.profession === profession && test(c)).map((c) => c.n));

const answer = (value: boolean | null, yes: string, no: string, none: string) => (value === null ? none : value ? yes : no);

export function visitTablesByProfession(facts: ProfessionFacts): ReportTable[] {
  const count = counter(facts.contacts);
  return [
    byProfession('visits.firstWithProfessional', ['first', 'repeat', 'notRecorded'], (p, k) => count(p, (c) => answer(c.firstWith, 'first', 'repeat', 'notRecorded') === k)),
    byProfession('visits.firstInRegionByProfession', ['first', 'repeat', 'unknown'], (p, k) => count(p, (c) => answer(c.firstInRegion, 'first', 'repeat', 'unknown') === k)),
    byProfession('visits.anonymousByProfession', ['anonymous', 'notAnonymous', 'notRecorded'], (p, k) => count(p, (c) => answer(c.anonymous, 'anonymous', 'notAnonymous', 'notRecorded') === k)),
    byProfession('visits.urgencyByProfession', ['urgent', 'not_urgent'], (p, k) => count(p, (c) => (c.urgent ? 'urgent' : 'not_urgent') === k)),
  ];
}

export function ageTableByProfession(facts: ProfessionFacts): ReportTable {
  const count = counter(facts.contacts);
  return byProfession('ageBands.byProfession', ageBands, (p, band) => count(p, (c) => c.ageBand === band));
}

/**
 * Hours and contacts per hour by profession (item 5). Hours are the held sessions' professional hours
 * (session_professionals.hours, the session's length unless another was recorded) of each professional's
 * profession today; the totals row's hours are all professional hours, as in the overview.
 */
export function hoursTableByProfession(facts: ProfessionFacts): ReportTable {
  const count = counter(facts.contacts);
  const hoursOf = (p: Profession) => sum(facts.hours.filter((h) => h.profession === p).map((h) => h.hours));
  const contactsOf = (p: Profession) => count(p, () => true);
  const allHours = sum(facts.hours.map((h) => h.hours));
  const allContacts = sum(professions.map(contactsOf));
  return table(
    'professionals.hoursByProfession',
    [column('hours', 'measure'), column('contacts', 'count'), column('contactsPerHour', 'mean')],
    professions.map((p) => row(p, [hoursOf(p), contactsOf(p), ratio(contactsOf(p), hoursOf(p))])),
    { totals: [allHours, allContacts, ratio(allContacts, allHours)] },
  );
}

/** Joint meetings by the professions that met together (key 'nurse+social_worker'), with or without a referral. */
export function jointMeetingsTable(facts: ProfessionFacts): ReportTable {
  const combos = new Map<string, { withReferral: number; withoutReferral: number }>();
  for (const j of facts.joint) {
    const key = j.professions.split('+').sort((a, b) => domainOrder(a) - domainOrder(b) || a.localeCompare(b)).join('+');
    const entry = combos.get(key) ?? { withReferral: 0, withoutReferral: 0 };
    if (j.withReferral) entry.withReferral += j.n;
    else entry.withoutReferral += j.n;
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
export function codeTableByProfession(facts: ProfessionFacts, listTable: ReportTable): ReportTable {
  const [, kind, register] = listTable.key.split('.') as [string, string, string];
  const codeKind = kind === 'needs' ? 'need' : 'support';
  const meetings = (p: Profession, code: string) =>
    sum(facts.codes.filter((c) => c.profession === p && c.kind === codeKind && c.register === register && c.code === code).map((c) => c.meetings));
  const used = listTable.rows.filter((r) => (r.cells[0]?.value ?? 0) > 0);
  return table(
    listTable.key.replace('needsSupport.', 'needsSupport.byProfession.'),
    professions.map((p) => column(p, 'count')),
    used.map((r) => row(r.key, professions.map((p) => meetings(p, r.key)), r.label)),
  );
}

/**
 * Referrals made (item 3) by the referring professional's profession (the profession they had in that
 * encounter); the counts by target service are `referrals.byServiceAndStatus`. A referrer of no known
 * profession gets a row of its own when there is one. Profession × service is not crossed: its small
 * cells would force hiding the service totals of the status table as well.
 */
export function referralTableByProfession(facts: ProfessionFacts): ReportTable {
  const rowKeys: string[] = [...professions];
  if (facts.referrals.some((r) => r.profession === null)) rowKeys.push('unknownProfession');
  const counts = rowKeys.map((k) => sum(facts.referrals.filter((r) => (r.profession ?? 'unknownProfession') === k).map((r) => r.n)));
  return table('referrals.byProfession', [column('referrals', 'count')], rowKeys.map((k, i) => row(k, [counts[i]!])), { totals: [sum(counts)] });
}

/**
 * Each named professional's own figures (monitoring of employees: docs/PRIVACY.md). Only in the exact
 * view of a reader with report.per_professional, or a professional's own row (report.own_figures).
 * Row key '<profession>:<user id>', label the name.
 */
export function perProfessionalTable(facts: ProfessionFacts, onlyUserId: string | null): ReportTable {
  const people = new Map<string, { profession: string; contacts: ContactGroup[] }>();
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
      const n = (test: (c: ContactGroup) => boolean) => sum(contacts.filter(test).map((c) => c.n));
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
export function withProfessionTables(sections: ReportSection[], facts: ProfessionFacts, perProfessional: 'all' | null): ReportSection[] {
  const tablesOf = (s: ReportSection): ReportTable[] => {
    switch (s.key) {
      case 'professionals':
        return [...s.tables, hoursTableByProfession(facts), jointMeetingsTable(facts), ...(perProfessional === 'all' ? [perProfessionalTable(facts, null)] : [])];
      case 'visits':
        return [...s.tables, ...visitTablesByProfession(facts)];
      case 'ageBands':
        return [...s.tables, ageTableByProfession(facts)];
      case 'needsSupport':
        return [...s.tables, ...s.tables.map((t) => codeTableByProfession(facts, t))];
      case 'referrals':
        return [...s.tables, referralTableByProfession(facts)];
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
export function withOwnFigures(sections: ReportSection[], facts: ProfessionFacts, userId: string): ReportSection[] {
  return sections.map((s) => (s.key !== 'professionals' ? s : { ...s, tables: [...s.tables, perProfessionalTable(facts, userId)] }));
}
