import { describe, expect, it } from 'vitest';
import type { RoleAssignment } from '../org.js';
import { keepsSocialRegister } from './client-rules.js';
import { can, canSomewhere, type Actor, type ResourceFacts } from './index.js';

const region = 'r1';
const staff = (userId: string, roles: RoleAssignment[], profession: Actor['profession'] = 'social_worker'): Actor => ({ userId, regionId: region, displayName: userId, profession, roles });
const worker = staff('w', [{ role: 'professional', siteId: 's1' }]);
const teamMember = staff('t', [{ role: 'professional', siteId: 's2' }], 'nurse');
const colleague = staff('c', [{ role: 'professional', siteId: 's1' }]);
const coordinator = staff('k', [{ role: 'coordinator', siteId: null }], null);
const otherRegionWorker: Actor = { ...staff('w', [{ role: 'professional', siteId: 's9' }]), regionId: 'r2' };

const client: ResourceFacts = { regionId: region, siteId: 's1', clientId: 'c1', ownWorkerIds: ['w'], careTeamIds: ['t'], grantedMemberIds: ['m1'] };

describe('client rules', () => {
  it('lets the own worker and the care team read and change a client, and nobody else of the staff', () => {
    for (const action of ['client.read', 'client.update', 'consent.manage', 'process.advance'] as const) {
      expect(can(worker, action, client), action).toBe(true);
      expect(can(teamMember, action, client), action).toBe(true);
      expect(can(colleague, action, client), action).toBe(false);
      expect(can(coordinator, action, client), action).toBe(false);
      // Same user id in another region: nothing crosses regions.
      expect(can(otherRegionWorker, action, client), action).toBe(false);
    }
  });

  it('lets the client read their own record and an external member read it only with a grant', () => {
    expect(can({ kind: 'client', clientId: 'c1', regionId: region, displayName: 'C' }, 'client.read', client)).toBe(true);
    expect(can({ kind: 'client', clientId: 'c2', regionId: region, displayName: 'C' }, 'client.read', client)).toBe(false);
    expect(can({ kind: 'external', memberId: 'm1', regionId: region, displayName: 'M' }, 'client.read', client)).toBe(true);
    expect(can({ kind: 'external', memberId: 'm2', regionId: region, displayName: 'M' }, 'client.read', client)).toBe(false);
    expect(can({ kind: 'external', memberId: 'm1', regionId: region, displayName: 'M' }, 'client.update', client)).toBe(false);
  });

  it('gives relationships only to professionals: an administrator on a care team by mistake sees nothing', () => {
    const admin = staff('a', [{ role: 'administrator', siteId: null }], null);
    expect(can(admin, 'client.read', { ...client, careTeamIds: ['a'] })).toBe(false);
    expect(canSomewhere(admin, 'client.list')).toBe(false);
  });

  it('lets social-welfare professionals register clients at their site, and the coordinator count', () => {
    expect(can(worker, 'client.create', { regionId: region, siteId: 's1' })).toBe(true);
    expect(can(worker, 'client.create', { regionId: region, siteId: 's2' })).toBe(false);
    // The register is the command's check (keepsSocialRegister): a nurse keeps the health register.
    expect(keepsSocialRegister(teamMember)).toBe(false);
    expect(keepsSocialRegister(worker)).toBe(true);
    expect(can(coordinator, 'client.counts', { regionId: region, siteId: 's1' })).toBe(true);
    expect(can(worker, 'client.counts', { regionId: region, siteId: 's1' })).toBe(false);
  });
});
