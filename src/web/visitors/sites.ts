import type { Me, SiteView } from '../../domain/api-types';
import type { Role } from '../../domain/org';

/**
 * The sites where the user holds one of `roles`. A region-wide assignment (no site) covers every
 * site of the region, so then the whole site list counts.
 */
export function siteIdsWith(me: Me, roles: readonly Role[], sites: SiteView[] | undefined): string[] {
  const matching = me.roles.filter((r) => roles.includes(r.role));
  if (matching.some((r) => r.siteId === null)) return (sites ?? []).map((s) => s.id);
  return [...new Set(matching.map((r) => r.siteId).filter((id): id is string => id !== null))];
}

export const siteNameOf = (sites: SiteView[] | undefined) => (siteId: string) => sites?.find((s) => s.id === siteId)?.name ?? siteId;
