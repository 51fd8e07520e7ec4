import { addDays, daysBetween, isCalendarDay, monthBounds } from '../../domain/calendar';
import { type SessionKind, sessionKinds } from '../../domain/outreach';

/**
 * The report's selection as the URL keeps it, so a reload, a bookmark or a shared link shows the
 * same report. Pure: parsing, the quick periods and the API query are tested apart from the page.
 */

export type Period = { from: string; to: string };
export type CompareMode = 'none' | 'period' | 'sites';

export type Selection = {
  siteIds: string[];
  period: Period;
  sessionKind: SessionKind | '';
  pilotId: string;
  windowShare: number;
  exact: boolean;
  compare: CompareMode;
  /** The second period when comparing periods. */
  period2: Period;
  /** The second site selection when comparing sites. */
  siteIds2: string[];
};

export const quickPeriods = ['lastMonth', 'last3Months', 'thisYear', 'last12Months'] as const;
export type QuickPeriod = (typeof quickPeriods)[number];

/** A quick choice counted back from `today` (YYYY-MM-DD, Helsinki). */
export function quickPeriod(kind: QuickPeriod, today: string): Period {
  const month = today.slice(0, 7);
  const year = Number(today.slice(0, 4));
  const previousMonth = addDays(monthBounds(month).first, -1).slice(0, 7);
  switch (kind) {
    case 'lastMonth': {
      const { first, last } = monthBounds(previousMonth);
      return { from: first, to: last };
    }
    case 'last3Months':
      return { from: addMonths(today, -3, 1), to: today };
    case 'thisYear':
      return { from: `${year}-01-01`, to: today };
    case 'last12Months':
      return { from: addMonths(today, -12, 1), to: today };
  }
}

/** The day `months` months from `day`, plus `plusDays`, clamped to the month's end (31.5. − 3 months = 28.2.). */
function addMonths(day: string, months: number, plusDays: number): string {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7)) - 1 + months;
  const year = y + Math.floor(m / 12);
  const month = ((m % 12) + 12) % 12;
  const monthText = `${year}-${String(month + 1).padStart(2, '0')}`;
  const last = monthBounds(monthText).last;
  const wanted = `${monthText}-${day.slice(8, 10)}`;
  return addDays(wanted > last || !isCalendarDay(wanted) ? last : wanted, plusDays);
}

/** The period of the same length just before `period`: the natural thing to compare with. */
export function previousPeriod(period: Period): Period {
  const length = daysBetween(period.from, period.to);
  const to = addDays(period.from, -1);
  return { from: addDays(to, -length), to };
}

const validDay = (text: string | null): text is string => text !== null && /^\d{4}-\d{2}-\d{2}$/.test(text) && isCalendarDay(text);
const idList = (text: string | null): string[] => (text ?? '').split(',').map((s) => s.trim()).filter((s) => /^[0-9a-f-]{36}$/i.test(s));

function periodFrom(search: URLSearchParams, fromKey: string, toKey: string, fallback: Period): Period {
  const from = search.get(fromKey);
  const to = search.get(toKey);
  return validDay(from) && validDay(to) && from <= to ? { from, to } : fallback;
}

export function selectionFromSearch(search: URLSearchParams, today: string): Selection {
  const period = periodFrom(search, 'from', 'to', quickPeriod('lastMonth', today));
  const kind = search.get('sessionKind');
  const share = Number(search.get('windowShare'));
  const compare = search.get('compare');
  return {
    siteIds: idList(search.get('siteIds')),
    period,
    sessionKind: (sessionKinds as readonly string[]).includes(kind ?? '') ? (kind as SessionKind) : '',
    pilotId: idList(search.get('pilotId'))[0] ?? '',
    windowShare: Number.isInteger(share) && share >= 50 && share <= 100 ? share : 80,
    exact: search.get('exact') === 'true',
    compare: compare === 'period' || compare === 'sites' ? compare : 'none',
    period2: periodFrom(search, 'from2', 'to2', previousPeriod(period)),
    siteIds2: idList(search.get('siteIds2')),
  };
}

/** Only what differs from the defaults goes into the URL. */
export function selectionToSearch(s: Selection): Record<string, string> {
  const out: Record<string, string> = { from: s.period.from, to: s.period.to };
  if (s.siteIds.length > 0) out.siteIds = s.siteIds.join(',');
  if (s.sessionKind !== '') out.sessionKind = s.sessionKind;
  if (s.pilotId !== '') out.pilotId = s.pilotId;
  if (s.windowShare !== 80) out.windowShare = String(s.windowShare);
  if (s.exact) out.exact = 'true';
  if (s.compare !== 'none') out.compare = s.compare;
  if (s.compare === 'period') Object.assign(out, { from2: s.period2.from, to2: s.period2.to });
  if (s.compare === 'sites' && s.siteIds2.length > 0) out.siteIds2 = s.siteIds2.join(',');
  return out;
}

/** The reports the selection asks for: one, or two side by side when comparing. */
export function reportQueries(s: Selection): { siteIds: string[]; period: Period }[] {
  const first = { siteIds: s.siteIds, period: s.period };
  if (s.compare === 'period') return [first, { siteIds: s.siteIds, period: s.period2 }];
  if (s.compare === 'sites') return [first, { siteIds: s.siteIds2, period: s.period }];
  return [first];
}

/** The API path of one report. */
export function reportPath(s: Selection, q: { siteIds: string[]; period: Period }): string {
  const params = new URLSearchParams();
  if (q.siteIds.length > 0) params.set('siteIds', q.siteIds.join(','));
  params.set('from', q.period.from);
  params.set('to', q.period.to);
  if (s.pilotId !== '') params.set('pilotId', s.pilotId);
  if (s.sessionKind !== '') params.set('sessionKind', s.sessionKind);
  params.set('exact', String(s.exact));
  params.set('windowShare', String(s.windowShare));
  return `/api/reports?${params.toString()}`;
}

/** The API path of a comparison: both sides in one request, published with one suppression pass. */
export function comparisonPath(s: Selection): string {
  const [first] = reportQueries(s);
  const params = new URLSearchParams(reportPath(s, first!).split('?')[1]);
  params.set('compare', s.compare);
  if (s.compare === 'period') {
    params.set('from2', s.period2.from);
    params.set('to2', s.period2.to);
  } else if (s.siteIds2.length > 0) params.set('siteIds2', s.siteIds2.join(','));
  return `/api/reports/comparison?${params.toString()}`;
}
