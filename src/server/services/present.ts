import { createHash } from 'node:crypto';
import { isReviewOverdue, missingForPublication } from '../../domain/services/editorial.js';
import type { ServiceContent } from '../../domain/services/description.js';
import type { TrayOrganizationView, TrayServiceDetail, TrayServiceSummary } from '../../domain/services/views.js';
import { can, type Actor } from '../policy/policy.js';
import type { OrganizationRow, TrayServiceRow, VersionRow } from './repo.js';

/** What the rules see of a tray service: its region, owning unit and responsible person. */
export const serviceFacts = (row: TrayServiceRow) => ({ regionId: row.regionId, ownerUnitId: row.ownerUnitId, responsibleUserId: row.responsibleUserId });

export type Names = { units: Map<string, string>; users: Map<string, string> };

const named = (id: string | null, names: Map<string, string>) => (id === null ? null : { id, name: names.get(id) ?? '' });

export function presentSummary(row: TrayServiceRow, names: Names, actor: Actor, today: string): TrayServiceSummary {
  return {
    id: row.id,
    code: row.code,
    names: { fi: row.nameFi, sv: row.nameSv, en: row.nameEn },
    status: row.trayStatus,
    currentVersion: row.currentVersion,
    publishedVersion: row.publishedVersion,
    ownerUnit: named(row.ownerUnitId, names.units),
    responsible: named(row.responsibleUserId, names.users),
    reviewDueOn: row.reviewDueOn,
    checkedOn: row.checkedOn,
    isOverdue: row.trayStatus === 'published' && isReviewOverdue(row.reviewDueOn, today),
    canEdit: can(actor, 'tray_service.edit', serviceFacts(row)),
  };
}

export function presentDetail(row: TrayServiceRow, content: ServiceContent, versions: VersionRow[], names: Names, actor: Actor, today: string): TrayServiceDetail {
  return {
    ...presentSummary(row, names, actor, today),
    content,
    missingForPublication: missingForPublication(content),
    versions: versions.map((v) => ({ version: v.version, savedBy: named(v.savedBy, names.users), savedAt: v.savedAt.toISOString(), publishedAt: v.publishedAt?.toISOString() ?? null })),
  };
}

export function presentOrganization(row: OrganizationRow): TrayOrganizationView {
  return { id: row.id, names: { fi: row.nameFi, sv: row.nameSv, en: row.nameEn }, businessId: row.businessId, website: row.website, email: row.email, ptvId: row.ptvId };
}

/**
 * A stable uuid derived from a name (RFC 4122 version 5 layout over SHA-1): the HSDS ids of a service's
 * locations and service-at-locations, unique across services although a location's own id is only
 * unique within its service's description.
 */
export function derivedUuid(name: string): string {
  const hex = createHash('sha1').update(`silta:${name}`).digest('hex').slice(0, 32).split('');
  hex[12] = '5';
  hex[16] = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
