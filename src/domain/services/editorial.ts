import { addDays } from '../calendar.js';
import type { ServiceContent } from './description.js';

/**
 * The editorial life of a tray service (requirements § 6.3): 'none' is a referral target without a
 * description; a description is drafted, published, and archived. Publishing needs all nine fields.
 */
export const trayStatuses = ['none', 'draft', 'published', 'archived'] as const;
export type TrayStatus = (typeof trayStatuses)[number];

export const trayEvents = ['save', 'publish', 'review', 'archive'] as const;
export type TrayEvent = (typeof trayEvents)[number];

/**
 * The status after an event, or null when the event is not allowed from `status`. Saving never changes
 * what the public sees: a published service stays published (its new version is a draft beside it),
 * and saving an archived service brings it back as a draft. Review ("still valid") is for published ones.
 */
export function nextTrayStatus(status: TrayStatus, event: TrayEvent): TrayStatus | null {
  switch (event) {
    case 'save':
      return status === 'published' ? 'published' : 'draft';
    case 'publish':
      return status === 'archived' || status === 'none' ? null : 'published';
    case 'review':
      return status === 'published' ? 'published' : null;
    case 'archive':
      return status === 'draft' || status === 'published' ? 'archived' : null;
  }
}

/** The template's nine fields, by number (LIITE 2). */
export const descriptionFields = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;
export type DescriptionField = (typeof descriptionFields)[number];

const filled = (value: string) => value.trim() !== '';

/**
 * The fields that keep a description from being published (rule 6.3.1), in Finnish, the original:
 * 1 a name and at least one contact channel; 2 the organiser; 3 the description; 4 how to get in,
 * whether one may self-refer, and the municipalities covered; 5–8 their texts; 9 results or "no data
 * yet". A tray service also needs a category to sit in; that is reported as field 0.
 */
export function missingForPublication(content: ServiceContent): (DescriptionField | 0)[] {
  const missing: (DescriptionField | 0)[] = [];
  if (content.categories.length === 0) missing.push(0);
  if (!filled(content.names.fi) || content.contacts.length === 0) missing.push(1);
  if (content.organiserId === null) missing.push(2);
  if (!filled(content.description.fi)) missing.push(3);
  const access = content.access;
  if (!filled(access.howToGetIn.fi) || access.selfReferral === null || (!access.allMunicipalities && access.municipalityCodes.length === 0)) missing.push(4);
  if (!filled(content.targetGroup.fi)) missing.push(5);
  if (!filled(content.workForms.fi)) missing.push(6);
  if (!filled(content.principles.fi)) missing.push(7);
  if (!filled(content.goal.fi)) missing.push(8);
  if (!filled(content.results.fi) && !content.resultsNoDataYet) missing.push(9);
  return missing;
}

/** Descriptions are reviewed at regular intervals (rule 6.3.4): by default 12 months after the last check. */
export const DEFAULT_REVIEW_MONTHS = 12;

/** The day `months` calendar months after `day` (the last day of a shorter month when it has no such day). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(year, 4)}-${pad(month)}-${pad(Math.min(d, last))}`;
}

export const defaultReviewDue = (checkedOn: string): string => addMonths(checkedOn, DEFAULT_REVIEW_MONTHS);

/** Overdue: the review day has passed (a review due today is not yet overdue). */
export const isReviewOverdue = (reviewDueOn: string | null, today: string): boolean => reviewDueOn !== null && reviewDueOn < today;

/** The first day a review may be set to: tomorrow (a review due in the past would be overdue at once). */
export const earliestReviewDue = (today: string): string => addDays(today, 1);
