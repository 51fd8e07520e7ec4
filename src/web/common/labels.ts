import type { TFunction } from 'i18next';
import type { SiteView } from '../../domain/api-types';
import type { Profession, Role, RoleAssignment, SiteKind, UnitKind } from '../../domain/org';

// Enumeration labels live in the translations; these helpers keep the key paths in one place.
export const roleLabel = (t: TFunction, role: Role): string => t(`enums.role.${role}`);
export const professionLabel = (t: TFunction, profession: Profession): string => t(`enums.profession.${profession}`);
export const siteKindLabel = (t: TFunction, kind: SiteKind): string => t(`enums.siteKind.${kind}`);
export const unitKindLabel = (t: TFunction, kind: UnitKind): string => t(`enums.unitKind.${kind}`);

const weekdayKeys = ['1', '2', '3', '4', '5', '6', '7'] as const;
export type WeekdayKey = (typeof weekdayKeys)[number];

/** ISO weekday 1 = Monday … 7 = Sunday. */
export function weekdayLabel(t: TFunction, weekday: number): string {
  const key = weekdayKeys[weekday - 1];
  return key === undefined ? String(weekday) : t(`enums.weekday.${key}`);
}

/**
 * "Administrator – whole region" or "Professional – Rovaniemi day centre". While the sites are
 * still loading (`sites` undefined) a site-scoped role is named without its place.
 */
export function assignmentLabel(t: TFunction, assignment: RoleAssignment, sites: SiteView[] | undefined): string {
  if (assignment.siteId !== null && sites === undefined) return roleLabel(t, assignment.role);
  const scope =
    assignment.siteId === null
      ? t('enums.scope.region')
      : (sites?.find((site) => site.id === assignment.siteId)?.name ?? t('enums.scope.unknownSite'));
  return t('enums.assignment', { role: roleLabel(t, assignment.role), scope });
}
