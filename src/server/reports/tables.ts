import type { ColumnKind, LocalizedLabel, ReportCell, ReportRow, ReportTable } from '../../domain/report.js';

/*
 * The report's tables, by key. Keys are stable: the page names tables, columns and known row keys
 * through i18n, and exports use them as sheet and column names. [kind] is the column kind of
 * src/domain/report.ts. "Encounters" below are those at the selected sites whose time falls on a
 * Helsinki day of the period (and, with `sessionKind`, that belong to an outreach session of that kind).
 *
 * overview
 *   overview.figures — one row `all`. Columns: sessionsHeld [measure] outreach sessions not cancelled,
 *     on a day of the period up to today; professionalHours [measure] the hours of those sessions'
 *     professionals; meetings [count] encounters (a joint one counts once); professionalContacts [count]
 *     one per professional of each encounter; contactsPerProfessionalHour [mean] contacts / hours
 *     (null without hours); receptionHours [measure] how long those sessions were open (end − start,
 *     summed; from the base tables); contactsPerReceptionHour [mean] contacts / reception hours.
 * professionals
 *   professionals.byProfession — rows: professions in domain order (nurse, social_worker,
 *     social_instructor, addiction_worker, peer_worker). meetings [count] encounters with at least one
 *     professional of the profession; contacts [count] that profession's professionals in encounters.
 *     Totals row: the column sums — contacts are all professional contacts (as in the overview); meetings
     exceed the overview's meetings by the joint meetings of two professions, which are in both rows.
 *   professionals.jointOrSingle — rows: single, joint (two or more professionals). meetings [count];
 *     totals row.
 *   professionals.hoursByProfession — rows: professions. hours [measure] the held sessions' professional
 *     hours of the profession (users.profession today); contacts [count]; contactsPerHour [mean]; totals
 *     row (hours: all professional hours).
 *   professionals.jointMeetings — rows: who met together, key = professions in domain order joined by
 *     '+' ('nurse+social_worker'). withReferral, withoutReferral, meetings [count] (row total); totals row.
 *   professionals.perProfessional — only in a coordinator's exact view (every professional) or, for a
 *     professional, their own row (unsuppressed). Rows: key '<profession>:<user id>', label the name.
 *     contacts, jointContacts, firstWithProfessional, repeatWithProfessional, firstNotRecorded, anonymous,
 *     urgent, referralsMade [count]; hours [measure]; contactsPerHour [mean]. No totals.
 * Per-profession tables (issue 16 item 2; profession-tables.ts, from the base tables, not the rollups):
 *   rows professions in domain order, counting contacts (a joint meeting in each of its professions' rows);
 *   the last count column `total` is the profession's contacts; totals row.
 *   visits.firstWithProfessional — first, repeat, notRecorded ("first time with me?").
 *   visits.firstInRegionByProfession — first, repeat, unknown (encounters.is_first_visit).
 *   visits.anonymousByProfession — anonymous, notAnonymous, notRecorded.
 *   visits.urgencyByProfession — urgent, not_urgent.
 *   ageBands.byProfession — one column per age band.
 *   needsSupport.byProfession.<needs|support>.<health|social> — rows: the list's codes that were used;
 *     columns: professions [count] meetings with the code in which the profession took part. No totals.
 *   referrals.byProfession — rows: professions of the referrer (referrals.referred_by) in that encounter
 *     (and `unknownProfession` when there are such); referrals [count]; totals row.
 * visits (each with a totals row; percents of all encounters)
 *   visits.firstOrRepeat — rows: first, repeat, unknown. count [count], percent [percent].
 *   visits.anonymousOrCoded — rows: anonymous, coded. count [count], share [percent].
 *   visits.urgency — rows: urgent, not_urgent. count [count], percent [percent].
 * referrals (referrals made in the period's encounters, by their status today)
 *   referrals.byServiceAndStatus — rows: services of the region (active ones, and retired ones with
 *     referrals), key = service code, label = service name. Columns suggested, booked, realised,
 *     not_realised, unknown, total [count]; the last is the row total; totals row.
 *   referrals.realisation — rows as above. realised [count]; knownOutcome [count] (realised +
 *     not_realised: the referrals whose outcome is known); all [count] (every referral, open ones
 *     included); rateOfKnown [percent] = realised / knownOutcome; rateOfAll [percent] = realised / all
 *     (null when the base is 0). Each rate stands beside the counts it divides.
 * ageBands
 *   ageBands.counts — rows: age bands in domain order (under_18 … over_80, unknown). count [count],
 *     percent [percent]; totals row.
 * needsSupport (an encounter may carry many codes: no totals)
 *   needsSupport.needs.health, needsSupport.needs.social, needsSupport.support.health,
 *   needsSupport.support.social — rows: the codes of that list (active ones, and retired ones that were
 *     used), key = code, label = the code's fi/sv/en label. encounters [count].
 * timing
 *   timing.heatmap — rows: ISO weekday '1' (Monday) … '7'. Columns h00 … h23 [count] by Helsinki hour,
 *     total [count] (row total); totals row.
 *   timing.window — one row `window`: fromHour [measure] and toHour [measure] (the window is
 *     [fromHour, toHour), whole hours), covered [count] encounters inside it, share [percent] of all
 *     encounters. Cells are null when there were no encounters.
 * daylog
 *   daylog.days — rows: days with a day-centre log at the sites ('YYYY-MM-DD'), or ISO weeks
 *     ('YYYY-Www') when the period is longer than 92 days; sites are summed. breakfasts, lunches [count];
 *     visitors [count] the estimated visitors (null when none was estimated); sessionDay [measure]
 *     1/0 whether an outreach session was held that day at one of the sites (for weeks: the number of
 *     such days in the week).
 * groups (group series with a session in the period at the sites; not filtered by sessionKind)
 *   groups.series.<seriesId> — rows: the series' sessions in the period whose attendance was recorded
 *     (not cancelled), key = day ('YYYY-MM-DD', with ' HH:MM' when two share a day), label = the theme
 *     (null when none). total, returning, new [count] (returning/new derived over the whole series).
 *   groups.summary — rows: series, key = seriesId, label = the series name. sessions [measure] sessions
 *     with recorded attendance in the period; mean [mean] attendance; max, min [count];
 *     repeatParticipants [count] visitor codes at two or more of those sessions plus the facilitators'
 *     own count of people without a code who came more than once.
 * feedback (visitor forms answered in the period at the sites; with sessionKind only answers given at
 *   an outreach session of that kind)
 *   feedback.item.<itemId> — one per agreement statement of each version answered; one row (key =
 *     itemId, label = the statement). s1 … s5 [count] answers per score, notApplicable [count], n [count]
 *     those who took a position (1–5), shareAgreeing [percent] 4–5 of n, mean [mean] of 1–5.
 *   feedback.recommendation — rows: recommendation items (key = itemId, label = the question).
 *     n [count], mean [mean].
 *   feedback.responses — rows: form versions answered (key = versionId, label = the form's name).
 *     responses [count]; peopleMet [count] encounters in scope at the sites where the form was in use
 *     (formSiteIds, as on the feedback results page) — or, for a version answered only at
 *     group sessions, the attendance of the group sessions in the period; responseRate [percent].
 *   Texts (readers with feedback.open_answers at every site only): { key: itemId, text }.
 * pilot — only with pilotId: the pilots feature's own tables.
 */

export type Column = ReportTable['columns'][number];

export const column = (key: string, kind: ColumnKind, label: LocalizedLabel | null = null): Column => ({ key, kind, label });
export const cell = (value: number | null): ReportCell => ({ value, suppressed: false });
export const row = (key: string, values: readonly (number | null)[], label: LocalizedLabel | null = null): ReportRow => ({ key, label, cells: values.map(cell) });

/** A label that is the same in every language (a name typed by staff). */
export const sameInAll = (text: string): LocalizedLabel => ({ fi: text, sv: text, en: text });

/** part of whole in percent, or null when the whole is empty. */
export const percent = (part: number, whole: number): number | null => (whole > 0 ? (part / whole) * 100 : null);
export const ratio = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

export function table(key: string, columns: Column[], rows: ReportRow[], options: { totals?: (number | null)[]; hasRowTotals?: boolean } = {}): ReportTable {
  return { key, columns, rows, totals: options.totals ? options.totals.map(cell) : null, hasRowTotals: options.hasRowTotals ?? false };
}

/**
 * A one-dimensional breakdown (rows of counts that add up to all of them) with its share of the whole:
 * count and percent columns and a totals row of the whole and 100 %.
 */
export function shareTable(key: string, counts: readonly { key: string; count: number; label?: LocalizedLabel | null }[], shareKey = 'percent'): ReportTable {
  const whole = counts.reduce((sum, c) => sum + c.count, 0);
  return table(
    key,
    [column('count', 'count'), { ...column(shareKey, 'percent'), shareOf: 'total' }],
    counts.map((c) => row(c.key, [c.count, percent(c.count, whole)], c.label ?? null)),
    { totals: [whole, whole > 0 ? 100 : null] },
  );
}

/** A grid of counts with each row's total as its last column and a totals row. */
export function gridWithTotals(key: string, columnKeys: readonly string[], rows: readonly { key: string; counts: readonly number[]; label?: LocalizedLabel | null }[]): ReportTable {
  const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
  const columnTotals = columnKeys.map((_, c) => sum(rows.map((r) => r.counts[c] ?? 0)));
  return table(
    key,
    [...columnKeys.map((k) => column(k, 'count')), column('total', 'count')],
    rows.map((r) => row(r.key, [...r.counts, sum(r.counts)], r.label ?? null)),
    { totals: [...columnTotals, sum(columnTotals)], hasRowTotals: true },
  );
}
