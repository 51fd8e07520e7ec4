import { helsinkiDay } from '../../src/domain/calendar';

/** A day as the audit filter takes it (d.m.yyyy), counted in Helsinki time as the API counts days. */
export function helsinkiFilterDay(offsetDays = 0): string {
  const [year, month, day] = helsinkiDay(new Date(Date.now() + offsetDays * 86_400_000)).split('-').map(Number);
  return `${day}.${month}.${year}`;
}
