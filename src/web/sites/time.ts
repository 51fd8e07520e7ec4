import { autocompleteTimeString } from 'suomifi-ui-components';

/**
 * The time field shows Finnish-style "7.30"; the API speaks "07:30". Returns null for anything
 * that is not a time of day (the design system would accept "24.00", the API does not).
 */
export function toApiTime(display: string): string | null {
  const completed = completeTime(display.trim());
  const match = /^(\d{1,2})[.:](\d{2})$/.exec(completed);
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours > 23 || minutes > 59) return null;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

/** "07:30" → "7.30", the form the time field and Finnish readers expect. */
export function toDisplayTime(api: string): string {
  const [hours = '', minutes = ''] = api.split(':');
  return `${Number(hours)}.${minutes}`;
}

/** Completes what the user typed ("730" → "7.30") when the field loses focus; keeps it if it is no time. */
export function completeTime(display: string): string {
  // The design system completes "0730" but not "730", which people type just as often.
  const typed = /^\d{3}$/.test(display.trim()) ? `0${display.trim()}` : display.trim();
  return autocompleteTimeString(typed) ?? display;
}
