import type { Me } from '../../domain/api-types';
import { helsinkiDay } from '../../domain/calendar';

/** The sites where the user is a professional (where they may record encounters). */
export function professionalSiteIds(me: Me): string[] {
  return [...new Set(me.roles.filter((r) => r.role === 'professional' && r.siteId !== null).map((r) => r.siteId as string))];
}

/** Today in Helsinki, as YYYY-MM-DD. */
export const today = (): string => helsinkiDay(new Date());
