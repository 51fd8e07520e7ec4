import type { DaylogView } from '../../domain/outreach-views';
import type { NewDaylog } from '../api/outreach';

/** What the form edits, as typed; `isClosed` and `openedAt` are not on the form but are kept as saved. */
export type Values = { breakfasts: string; lunches: string; estimatedVisitors: string; closedAt: string; events: string };
export type Field = keyof Values;
export type Kept = { isClosed: boolean; openedAt: string | null };

export const emptyValues: Values = { breakfasts: '', lunches: '', estimatedVisitors: '', closedAt: '', events: '' };
export const nothingKept: Kept = { isClosed: false, openedAt: null };

const isCount = (text: string): boolean => /^\d{1,5}$/.test(text.trim()) && Number(text) <= 10_000;
const isTime = (text: string): boolean => /^([01]\d|2[0-3]):[0-5]\d$/.test(text.trim());

/** The saved entry as the form shows it, so opening a day that has data shows that data. */
export function valuesOf(entry: DaylogView | undefined): Values {
  if (!entry) return emptyValues;
  return {
    breakfasts: String(entry.breakfasts),
    lunches: String(entry.lunches),
    estimatedVisitors: entry.estimatedVisitors === null ? '' : String(entry.estimatedVisitors),
    closedAt: entry.closedAt ?? '',
    events: entry.events,
  };
}

export const keptOf = (entry: DaylogView | undefined): Kept => (entry ? { isClosed: entry.isClosed, openedAt: entry.openedAt } : nothingKept);

/** The fields with a mistake, each with the key of its message. */
export function problemsOf(values: Values): Partial<Record<Field, 'daylog.number' | 'daylog.time'>> {
  const found: Partial<Record<Field, 'daylog.number' | 'daylog.time'>> = {};
  for (const field of ['breakfasts', 'lunches', 'estimatedVisitors'] as const) {
    if (values[field].trim() !== '' && !isCount(values[field])) found[field] = 'daylog.number';
  }
  if (values.closedAt.trim() !== '' && !isTime(values.closedAt)) found.closedAt = 'daylog.time';
  return found;
}

/** The request body; `baseVersion` undefined means "last write wins". */
export function inputOf(id: string, values: Values, kept: Kept, baseVersion: number | undefined): NewDaylog {
  const count = (text: string) => (text.trim() === '' ? 0 : Number(text));
  return {
    id,
    breakfasts: count(values.breakfasts),
    lunches: count(values.lunches),
    estimatedVisitors: values.estimatedVisitors.trim() === '' ? null : Number(values.estimatedVisitors),
    closedAt: values.closedAt.trim() === '' ? null : values.closedAt.trim(),
    events: values.events.trim(),
    ...kept,
    ...(baseVersion === undefined ? {} : { baseVersion }),
  };
}
