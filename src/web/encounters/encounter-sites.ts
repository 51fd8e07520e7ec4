import { helsinkiDay } from '../../domain/calendar';
import type { Abilities } from '../../domain/policy';
import { namedSiteIds } from '../auth/abilities';

/** The sites named in the user's ability to record encounters (a region-wide grant names none, as before). */
export function encounterSiteIds(abilities: Abilities): string[] {
  return namedSiteIds(abilities, 'encounter.create');
}

/** Today in Helsinki, as YYYY-MM-DD. */
export const today = (): string => helsinkiDay(new Date());
