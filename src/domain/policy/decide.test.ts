import { describe, expect, it } from 'vitest';
import { abilitiesOf, and, can, canSomewhere, conditionFor, holds, or, sitesFor, type Actor, type Condition } from './index.js';

const region = 'r1';
const actor = (roles: Actor['roles']): Actor => ({ userId: 'u', regionId: region, displayName: 'A', profession: null, roles });

describe('conditions', () => {
  it('simplify so that "nowhere" stays recognisable', () => {
    const site: Condition = { kind: 'site_in', siteIds: ['s1'] };
    expect(and(site, { kind: 'never' }).kind).toBe('never');
    expect(or({ kind: 'never' }, { kind: 'never' }).kind).toBe('never');
    expect(and({ kind: 'always' }, site)).toEqual(site);
    expect(or(site, { kind: 'always' }).kind).toBe('always');
  });

  it('refuse when a fact was not supplied', () => {
    expect(holds({ kind: 'created_by', userId: 'u' }, { regionId: region })).toBe(false);
    expect(holds({ kind: 'site_in', siteIds: ['s1'] }, { regionId: region, siteId: null })).toBe(false);
    expect(holds({ kind: 'listed_professional', userId: 'u' }, { regionId: region, professionalIds: ['u'] })).toBe(true);
  });
});

describe('role rules', () => {
  it('let a site-scoped role act at its own site only', () => {
    const nurse = actor([{ role: 'professional', siteId: 's1' }]);
    expect(can(nurse, 'site.read', { regionId: region, siteId: 's1' })).toBe(true);
    expect(can(nurse, 'site.read', { regionId: region, siteId: 's2' })).toBe(false);
    expect(sitesFor(nurse, 'site.read')).toEqual(['s1']);
  });

  it('never cross regions, whatever the role', () => {
    const admin = actor([{ role: 'administrator', siteId: null }]);
    expect(can(admin, 'site.update', { regionId: 'other', siteId: 's1' })).toBe(false);
    expect(can(admin, 'site.update', { regionId: region, siteId: 's1' })).toBe(true);
  });

  it('need a region-wide assignment for region-scoped actions', () => {
    const siteAdmin = actor([{ role: 'administrator', siteId: 's1' }]);
    expect(can(siteAdmin, 'user.create', { regionId: region })).toBe(false);
    expect(canSomewhere(siteAdmin, 'user.create')).toBe(false);
    expect(conditionFor(siteAdmin, 'user.create').kind).toBe('never');
    expect(canSomewhere(actor([{ role: 'auditor', siteId: null }]), 'audit.read')).toBe(true);
    expect(canSomewhere(actor([{ role: 'coordinator', siteId: null }]), 'audit.read')).toBe(false);
  });

  it('give the web the same answer as abilities', () => {
    const nurse = actor([{ role: 'professional', siteId: 's1' }, { role: 'daycentre_staff', siteId: 's2' }]);
    const abilities = abilitiesOf(nurse);
    expect(abilities['encounter.create']).toEqual(['s1']);
    expect(abilities['daylog.write']).toEqual(['s2']);
    expect(abilities['user.create']).toBeUndefined();
    expect(abilitiesOf(actor([{ role: 'administrator', siteId: null }]))['site.update']).toBe('all');
  });

  it('give a client or an external member nothing through roles', () => {
    expect(canSomewhere({ kind: 'client', clientId: 'c', regionId: region, displayName: 'C' }, 'site.list')).toBe(false);
    // Only what a relationship gives, decided per resource: an external member reads a client whose consent names them.
    expect(abilitiesOf({ kind: 'external', memberId: 'm', regionId: region, displayName: 'M' })).toEqual({ 'client.read': 'related' });
  });
});

describe('the rule table', () => {
  it('has no action defined in two areas (a spread would silently keep the last)', async () => {
    const { outreachRules } = await import('./outreach-rules.js');
    const { clientRules } = await import('./client-rules.js');
    const { actions } = await import('./rules.js');
    expect(actions.length).toBe(Object.keys(outreachRules).length + Object.keys(clientRules).length);
  });
});
