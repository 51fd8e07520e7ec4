import type { AuditFilters } from '../api/audit';

/** What the filter form edits and the URL keeps: dates as yyyy-mm-dd, so a reload shows the same view. */
export type AuditFilterValues = {
  action: string;
  siteId: string;
  fromDate: string;
  toDate: string;
  /** Set by following a row's person or target ("who looked at this?"), not by the form. */
  actorId: string;
  target: string;
};
export const anyValue = 'any';

export function filtersFromSearch(search: URLSearchParams): AuditFilterValues {
  return {
    action: search.get('action') ?? anyValue,
    siteId: search.get('siteId') ?? anyValue,
    fromDate: search.get('from') ?? '',
    toDate: search.get('to') ?? '',
    actorId: search.get('actor') ?? '',
    target: search.get('target') ?? '',
  };
}

/** A target in the URL: 'encounter:0190…'. */
export const targetKey = (resourceType: string, resourceId: string): string => `${resourceType}:${resourceId}`;

function splitTarget(target: string): { resourceType?: string; resourceId?: string } {
  const at = target.indexOf(':');
  return at <= 0 ? {} : { resourceType: target.slice(0, at), resourceId: target.slice(at + 1) };
}

export function filtersToSearch(values: AuditFilterValues): Record<string, string> {
  const search: Record<string, string> = {};
  if (values.action !== anyValue) search.action = values.action;
  if (values.siteId !== anyValue) search.siteId = values.siteId;
  if (values.fromDate !== '') search.from = values.fromDate;
  if (values.toDate !== '') search.to = values.toDate;
  if (values.actorId !== '') search.actor = values.actorId;
  if (values.target !== '') search.target = values.target;
  return search;
}

/** The API takes whole days (YYYY-MM-DD, both ends included), just as the form keeps them. */
export function toApiFilters(values: AuditFilterValues): AuditFilters {
  return {
    action: values.action === anyValue ? undefined : values.action,
    siteId: values.siteId === anyValue ? undefined : values.siteId,
    from: values.fromDate === '' ? undefined : values.fromDate,
    to: values.toDate === '' ? undefined : values.toDate,
    actorId: values.actorId === '' ? undefined : values.actorId,
    ...splitTarget(values.target),
  };
}

/** "5.3.2025" (what the date field shows) → "2025-03-05"; null when it is no date. */
export function parseDisplayDate(display: string): string | null {
  const match = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(display.trim());
  if (!match) return null;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(year, month - 1, day);
  if (date.getFullYear() !== year || date.getMonth() !== month - 1 || date.getDate() !== day) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function toDisplayDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  return match ? `${Number(match[3])}.${Number(match[2])}.${match[1]}` : '';
}
