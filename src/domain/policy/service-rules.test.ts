import { describe, expect, it } from 'vitest';
import { can, conditionFor } from './decide.js';
import type { Actor } from './principals.js';

const actor = (role: Actor['roles'][number]['role'], unitId: string | null, siteId: string | null = null): Actor => ({ userId: `u-${role}-${unitId ?? 'none'}`, regionId: 'r1', displayName: 'x', profession: null, roles: [{ role, siteId }], unitId });
const service = { regionId: 'r1', ownerUnitId: 'unit-a', responsibleUserId: 'responsible' };

describe('the tray rules', () => {
  it('let coordinators and managers of the owning unit edit, and nobody of another unit', () => {
    expect(can(actor('coordinator', 'unit-a'), 'tray_service.edit', service)).toBe(true);
    expect(can(actor('manager', 'unit-a'), 'tray_service.edit', service)).toBe(true);
    expect(can(actor('coordinator', 'unit-b'), 'tray_service.edit', service)).toBe(false);
    expect(can(actor('coordinator', null), 'tray_service.edit', service)).toBe(false);
    // Other roles, even in the owning unit, do not keep the tray.
    expect(can(actor('professional', 'unit-a', 's1'), 'tray_service.edit', service)).toBe(false);
    expect(can(actor('administrator', 'unit-a'), 'tray_service.edit', service)).toBe(false);
    // Never across regions.
    expect(can(actor('coordinator', 'unit-a'), 'tray_service.edit', { ...service, regionId: 'r2' })).toBe(false);
  });

  it('let the responsible person edit from another unit, and only a manager hand a service on', () => {
    const responsible = { ...actor('coordinator', 'unit-b'), userId: 'responsible' };
    expect(can(responsible, 'tray_service.edit', service)).toBe(true);
    expect(can(responsible, 'tray_service.manage', service)).toBe(false);
    expect(can({ ...actor('manager', 'unit-b'), userId: 'responsible' }, 'tray_service.manage', service)).toBe(true);
  });

  it('hold the tray region-wide: a coordinator assigned at one site keeps none of it', () => {
    expect(conditionFor(actor('coordinator', 'unit-a', 's1'), 'tray_service.edit').kind).toBe('never');
    expect(can(actor('professional', null, 's1'), 'tray.read', { regionId: 'r1', siteId: 's1' })).toBe(true);
  });
});
