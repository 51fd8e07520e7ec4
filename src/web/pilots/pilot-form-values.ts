import { addDays } from '../../domain/calendar';
import type { PilotInput } from '../../domain/pilots';
import { parseDisplayDate, toDisplayDate } from '../audit/audit-filters';

/** The pilot form as typed: dates as the reader writes them ("5.1.2026"), members as chosen ids. */
export type PilotValues = {
  name: string;
  description: string;
  goals: string;
  siteIds: string[];
  startsOn: string;
  endsOn: string;
  serviceIds: string[];
  professionalIds: string[];
};

/** Field ids; errors are keyed by them so the error summary links to the field. */
export const pilotFields = {
  name: 'pilot-name',
  description: 'pilot-description',
  goals: 'pilot-goals',
  sites: 'pilot-sites',
  startsOn: 'pilot-starts-on',
  endsOn: 'pilot-ends-on',
} as const;
/** A checkbox of a member list; the first site's box is where the summary's "choose a site" link lands. */
export const memberBoxId = (list: string, memberId: string) => `pilot-${list}-${memberId}`;

export const pilotLimits = { name: 160, description: 4000, goals: 4000 } as const;

/** A problem as a translation key (under pilots.errors) and its values; the page translates it. */
export type Problem = { key: string; values?: Record<string, number | string> };
export type Problems = Record<string, Problem>;

export function emptyPilot(today: string): PilotValues {
  return { name: '', description: '', goals: '', siteIds: [], startsOn: toDisplayDate(today), endsOn: toDisplayDate(addDays(today, 90)), serviceIds: [], professionalIds: [] };
}

/** Adds or removes an id from a chosen list, keeping the list's order stable. */
export const toggled = (ids: string[], id: string, on: boolean): string[] => (on ? (ids.includes(id) ? ids : [...ids, id]) : ids.filter((x) => x !== id));

/**
 * Checks the form the way the API will. `availableProfessionals` are those of the chosen sites: someone
 * chosen at a site that was then unticked is left out rather than sent.
 */
export function checkPilot(values: PilotValues, firstSiteId: string | null, availableProfessionals: string[]): { input: PilotInput | null; problems: Problems } {
  const problems: Problems = {};
  const name = values.name.trim();
  if (name === '') problems[pilotFields.name] = { key: 'nameRequired' };
  else if (name.length > pilotLimits.name) problems[pilotFields.name] = { key: 'tooLong', values: { max: pilotLimits.name } };
  if (values.description.trim().length > pilotLimits.description) problems[pilotFields.description] = { key: 'tooLong', values: { max: pilotLimits.description } };
  if (values.goals.trim().length > pilotLimits.goals) problems[pilotFields.goals] = { key: 'tooLong', values: { max: pilotLimits.goals } };
  if (values.siteIds.length === 0) problems[firstSiteId ? memberBoxId('site', firstSiteId) : pilotFields.sites] = { key: 'sitesRequired' };
  const startsOn = parseDisplayDate(values.startsOn);
  const endsOn = parseDisplayDate(values.endsOn);
  if (startsOn === null) problems[pilotFields.startsOn] = { key: 'date' };
  if (endsOn === null) problems[pilotFields.endsOn] = { key: 'date' };
  else if (startsOn !== null && endsOn < startsOn) problems[pilotFields.endsOn] = { key: 'endsBeforeStarts' };
  if (Object.keys(problems).length > 0 || startsOn === null || endsOn === null) return { input: null, problems };
  return {
    input: {
      name,
      description: values.description.trim(),
      goals: values.goals.trim(),
      siteIds: values.siteIds,
      startsOn,
      endsOn,
      serviceIds: values.serviceIds,
      professionalIds: values.professionalIds.filter((id) => availableProfessionals.includes(id)),
    },
    problems,
  };
}
