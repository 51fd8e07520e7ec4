import { never, or, type Condition } from './conditions.js';
import type { Actor } from './principals.js';
import type { Rule } from './rule.js';

/** Who keeps the tray: coordinators and managers (esihenkilöt) of the region. */
const editors = ['coordinator', 'manager'] as const;

/**
 * Each unit writes its own descriptions (requirements § 6.3.2): a tray service is changed by members of
 * its owning unit and by its named responsible person, and by nobody else, whatever their role.
 */
const owningUnitOrResponsible = (actor: Actor): Condition =>
  or(actor.unitId ? { kind: 'owning_unit', unitId: actor.unitId } : never, { kind: 'responsible', userId: actor.userId });

/**
 * The service tray (issue 19, item 1). The tray and its services are the region's (no site): its roles
 * are held region-wide. The public reads published descriptions without signing in (public routes, no
 * rule); staff of the region read drafts and versions too.
 */
export const serviceRules = {
  /** The editorial list, drafts, version history and organisations: anyone on the region's staff. */
  'tray.read': { roles: 'any', scope: 'site' },
  /** A new tray service, owned by the creator's unit, with the creator as the responsible person. */
  'tray_service.create': { roles: editors, scope: 'region' },
  /** Saving a version, publishing, reviewing ("still valid") and archiving. */
  'tray_service.edit': { roles: editors, scope: 'region', only: owningUnitOrResponsible },
  /** Handing a service to another unit or responsible person, or moving its review day: a manager of it. */
  'tray_service.manage': { roles: ['manager'], scope: 'region', only: owningUnitOrResponsible },
  /** The organisations that organise and produce services, and importing from Suomi.fi (PTV). */
  'tray_organization.manage': { roles: editors, scope: 'region' },
  'tray.import': { roles: editors, scope: 'region' },
} as const satisfies Record<string, Rule>;
