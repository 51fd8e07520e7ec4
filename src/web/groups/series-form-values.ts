import { addDays, daysBetween, isoWeekday } from '../../domain/calendar';
import type { Facilitator, GroupSeriesInput, GroupSeriesUpdate, GroupSeriesView } from '../../domain/groups';
import { expandRecurrence, MAX_PLAN_DAYS } from '../../domain/recurrence';
import { parseDisplayDate, toDisplayDate } from '../audit/audit-filters';
import { toApiTime, toDisplayTime } from '../sites/time';

/** One row of the facilitator list; `key` keeps React's rows stable while rows are added and removed. */
export type FacilitatorValues = { key: number; role: string; organisation: string; isPeerWorker: boolean };

/** What can be changed after the series was made (the details form on the series page edits these). */
export type DetailValues = { description: string; descriptionSv: string; descriptionEn: string; targetGroup: string; room: string; facilitators: FacilitatorValues[]; isAnnounced: boolean };

/** The whole series form: dates and times as typed ("3.3.2026", "12.00"), themes one per line. */
export type SeriesValues = DetailValues & { name: string; weekday: number; startsAt: string; endsAt: string; startsOn: string; endsOn: string; themes: string };

/** Field ids; errors are keyed by them so the error summary links to the field. */
export const seriesFields = {
  name: 'series-name',
  description: 'series-description',
  descriptionSv: 'series-description-sv',
  descriptionEn: 'series-description-en',
  targetGroup: 'series-target-group',
  room: 'series-room',
  weekday: 'series-weekday',
  startsAt: 'series-starts-at',
  endsAt: 'series-ends-at',
  startsOn: 'series-starts-on',
  endsOn: 'series-ends-on',
  themes: 'series-themes',
} as const;
export const facilitatorRoleId = (key: number) => `facilitator-role-${key}`;
export const facilitatorOrganisationId = (key: number) => `facilitator-organisation-${key}`;

export const limits = { name: 120, description: 1000, targetGroup: 300, room: 100, facilitatorText: 100, facilitators: 10, theme: 200 } as const;

/** A problem as a translation key (under groups.errors) and its values; the page translates it. */
export type Problem = { key: string; values?: Record<string, number> };
export type Problems = Record<string, Problem>;

export function emptySeries(today: string): SeriesValues {
  return {
    name: '', description: '', descriptionSv: '', descriptionEn: '', targetGroup: '', room: '', facilitators: [], isAnnounced: true,
    weekday: isoWeekday(today), startsAt: toDisplayTime('12:00'), endsAt: toDisplayTime('13:30'),
    startsOn: toDisplayDate(today), endsOn: toDisplayDate(addDays(today, 7 * 7)), themes: '',
  };
}

export function detailsOf(series: GroupSeriesView): DetailValues {
  return {
    description: series.description,
    descriptionSv: series.descriptionTranslations?.sv ?? '',
    descriptionEn: series.descriptionTranslations?.en ?? '',
    targetGroup: series.targetGroup,
    room: series.room,
    facilitators: series.facilitators.map((f, i) => ({ key: i, ...f })),
    isAnnounced: series.isAnnounced,
  };
}

/** The planned themes, one per non-empty line, in order. */
export const themeLines = (text: string): string[] => text.split('\n').map((line) => line.trim()).filter((line) => line !== '');

function tooLong(problems: Problems, id: string, value: string, max: number): void {
  if (value.trim().length > max) problems[id] = { key: 'tooLong', values: { max } };
}

/** Checks the editable details; rows left wholly empty are dropped, a row with only an organisation needs its role. */
export function checkDetails(values: DetailValues, problems: Problems): Omit<Required<GroupSeriesUpdate>, 'name' | 'anonymousRepeatParticipants'> {
  tooLong(problems, seriesFields.description, values.description, limits.description);
  tooLong(problems, seriesFields.descriptionSv, values.descriptionSv, limits.description);
  tooLong(problems, seriesFields.descriptionEn, values.descriptionEn, limits.description);
  tooLong(problems, seriesFields.targetGroup, values.targetGroup, limits.targetGroup);
  tooLong(problems, seriesFields.room, values.room, limits.room);
  const rows = values.facilitators.filter((f) => f.role.trim() !== '' || f.organisation.trim() !== '');
  for (const row of rows) {
    if (row.role.trim() === '') problems[facilitatorRoleId(row.key)] = { key: 'roleRequired' };
    tooLong(problems, facilitatorRoleId(row.key), row.role, limits.facilitatorText);
    tooLong(problems, facilitatorOrganisationId(row.key), row.organisation, limits.facilitatorText);
  }
  const facilitators: Facilitator[] = rows.map((f) => ({ role: f.role.trim(), organisation: f.organisation.trim(), isPeerWorker: f.isPeerWorker }));
  const descriptionTranslations = { sv: values.descriptionSv.trim(), en: values.descriptionEn.trim() };
  return { description: values.description.trim(), descriptionTranslations, targetGroup: values.targetGroup.trim(), room: values.room.trim(), facilitators, isAnnounced: values.isAnnounced };
}

/** Checks the series the way the API will and lists the days of its sessions. */
export function checkSeries(values: SeriesValues): { input: GroupSeriesInput | null; days: string[]; problems: Problems } {
  const problems: Problems = {};
  const name = values.name.trim();
  if (name === '') problems[seriesFields.name] = { key: 'nameRequired' };
  tooLong(problems, seriesFields.name, name, limits.name);
  const details = checkDetails(values, problems);
  const startsAt = toApiTime(values.startsAt);
  const endsAt = toApiTime(values.endsAt);
  if (startsAt === null) problems[seriesFields.startsAt] = { key: 'time' };
  if (endsAt === null) problems[seriesFields.endsAt] = { key: 'time' };
  else if (startsAt !== null && startsAt >= endsAt) problems[seriesFields.endsAt] = { key: 'endsBeforeStartsTime' };
  const startsOn = parseDisplayDate(values.startsOn);
  const endsOn = parseDisplayDate(values.endsOn);
  if (startsOn === null) problems[seriesFields.startsOn] = { key: 'date' };
  if (endsOn === null) problems[seriesFields.endsOn] = { key: 'date' };
  else if (startsOn !== null && endsOn < startsOn) problems[seriesFields.endsOn] = { key: 'endsBeforeStarts' };
  else if (startsOn !== null && daysBetween(startsOn, endsOn) + 1 > MAX_PLAN_DAYS) problems[seriesFields.endsOn] = { key: 'tooLong', values: { max: MAX_PLAN_DAYS } };
  const days = startsOn && endsOn && !problems[seriesFields.endsOn] ? expandRecurrence({ recurrence: 'weekly', weekday: values.weekday, startsOn, endsOn }) : [];
  if (startsOn && endsOn && !problems[seriesFields.endsOn] && days.length === 0) problems[seriesFields.weekday] = { key: 'noDays' };
  const themes = themeLines(values.themes);
  if (themes.some((theme) => theme.length > limits.theme)) problems[seriesFields.themes] = { key: 'themeTooLong', values: { max: limits.theme } };
  else if (days.length > 0 && themes.length > days.length) problems[seriesFields.themes] = { key: 'tooManyThemes', values: { themes: themes.length, sessions: days.length } };
  if (Object.keys(problems).length > 0 || !startsAt || !endsAt || !startsOn || !endsOn) return { input: null, days, problems };
  return { input: { name, ...details, weekday: values.weekday, startsAt, endsAt, startsOn, endsOn, themes }, days, problems };
}
