import type { SiteView } from '../../domain/api-types';
import type { Abilities } from '../../domain/policy';

/**
 * The sites whose day log the user may read (the server's `daylog.read`): their own sites, or with
 * a region-wide ability every site of the region, day centres first since only they keep a log.
 */
export function daylogSiteIds(abilities: Abilities, sites: readonly SiteView[] | undefined): string[] {
  const scope = abilities['daylog.read'];
  if (scope === 'all') {
    const active = (sites ?? []).filter((s) => s.isActive);
    const dayCentres = active.filter((s) => s.kind === 'day_centre');
    return [...dayCentres, ...active.filter((s) => s.kind !== 'day_centre')].map((s) => s.id);
  }
  return Array.isArray(scope) ? [...scope] : [];
}
