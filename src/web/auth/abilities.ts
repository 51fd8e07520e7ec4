import type { AbilityScope, Abilities, Action } from '../../domain/policy';

/**
 * "May I do X (at site S)?", answered from the abilities the session carries (src/domain/policy
 * `abilitiesOf`), so the web shows exactly what the server's rules allow and knows no role names.
 * The server still decides every request; this only spares users pages and buttons that would fail.
 */

/**
 * May the user do `action` somewhere, or at `siteId` when given? An ability limited to related
 * resources ('related') counts: each answer then says per resource (`can`) what the user may do.
 */
export function may(abilities: Abilities, action: Action, siteId?: string): boolean {
  const scope: AbilityScope | undefined = abilities[action];
  if (scope === undefined) return false;
  if (scope === 'all' || scope === 'related' || siteId === undefined) return true;
  return scope.includes(siteId);
}

/** May the user do at least one of `actions` (somewhere)? */
export function mayAny(abilities: Abilities, actions: readonly Action[]): boolean {
  return actions.some((action) => may(abilities, action));
}

/**
 * The ids of the sites where the user may do `action`: every site of the list for a region-wide
 * ability. An ability over related resources only names no site.
 */
export function siteIdsFor(abilities: Abilities, action: Action, sites: readonly { id: string }[] | undefined): string[] {
  const scope = abilities[action];
  if (scope === undefined || scope === 'related') return [];
  if (scope === 'all') return (sites ?? []).map((s) => s.id);
  return [...scope];
}

/** The same across several actions: sites where the user may do at least one of them. */
export function siteIdsForAny(abilities: Abilities, actions: readonly Action[], sites: readonly { id: string }[] | undefined): string[] {
  return [...new Set(actions.flatMap((action) => siteIdsFor(abilities, action, sites)))];
}

/**
 * The sites named by the user's site-bound ability, without the site list: empty for a region-wide
 * ability (then the site list decides, see `siteIdsFor`).
 */
export function namedSiteIds(abilities: Abilities, action: Action): string[] {
  const scope = abilities[action];
  return Array.isArray(scope) ? [...scope] : [];
}
