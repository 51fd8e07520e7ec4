import { describe, expect, it } from 'vitest';
import { can, canSomewhere, sitesFor, type Actor } from './policy.js';

const region = 'r1';
const actor = (roles: Actor['roles']): Actor => ({ userId: 'u', regionId: region, displayName: 'A', profession: null, roles });

describe('the policy', () => {
  it('lets a site-scoped role act at its own site only', () => {
    const nurse = actor([{ role: 'professional', siteId: 's1' }]);
    expect(can(nurse, 'site.read', { regionId: region, siteId: 's1' })).toBe(true);
    expect(can(nurse, 'site.read', { regionId: region, siteId: 's2' })).toBe(false);
    expect(sitesFor(nurse, 'site.read')).toEqual(['s1']);
  });

  it('never crosses regions, whatever the role', () => {
    const admin = actor([{ role: 'administrator', siteId: null }]);
    expect(can(admin, 'site.update', { regionId: 'other', siteId: 's1' })).toBe(false);
    expect(can(admin, 'site.update', { regionId: region, siteId: 's1' })).toBe(true);
  });

  it('requires a region-wide assignment for region-scoped actions', () => {
    const siteAdmin = actor([{ role: 'administrator', siteId: 's1' }]);
    expect(can(siteAdmin, 'user.create', { regionId: region })).toBe(false);
    expect(canSomewhere(siteAdmin, 'user.create')).toBe(false);
    expect(canSomewhere(actor([{ role: 'auditor', siteId: null }]), 'audit.read')).toBe(true);
    expect(canSomewhere(actor([{ role: 'coordinator', siteId: null }]), 'audit.read')).toBe(false);
  });
});
