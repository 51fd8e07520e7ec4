import { describe, expect, it } from 'vitest';
import { abilitiesOf, type Actor } from '../../domain/policy/index.js';
import { navItemsFor } from '../layout/nav-items';
import { may, mayAny, namedSiteIds, siteIdsFor } from './abilities';

const sites = [{ id: 's1' }, { id: 's2' }];
const actor = (roles: Actor['roles']): Actor => ({ userId: 'u', regionId: 'r', displayName: 'U', profession: null, roles });

describe('asking the session abilities', () => {
  it('answers by site for a site-bound ability and everywhere for a region-wide one', () => {
    const atSite = abilitiesOf(actor([{ role: 'professional', siteId: 's1' }]));
    expect(may(atSite, 'encounter.create')).toBe(true);
    expect(may(atSite, 'encounter.create', 's1')).toBe(true);
    expect(may(atSite, 'encounter.create', 's2')).toBe(false);
    expect(siteIdsFor(atSite, 'encounter.create', sites)).toEqual(['s1']);
    expect(namedSiteIds(atSite, 'encounter.create')).toEqual(['s1']);
    expect(may(atSite, 'site.update')).toBe(false);
    const regionWide = abilitiesOf(actor([{ role: 'coordinator', siteId: null }]));
    expect(may(regionWide, 'report.read', 's2')).toBe(true);
    expect(siteIdsFor(regionWide, 'report.read', sites)).toEqual(['s1', 's2']);
    expect(namedSiteIds(regionWide, 'report.read')).toEqual([]);
  });

  it('refuses what is left out, and any-of asks each', () => {
    expect(may({}, 'audit.read')).toBe(false);
    expect(siteIdsFor({}, 'report.read', sites)).toEqual([]);
    expect(mayAny({ 'visitor_code.issue': ['s1'] }, ['visitor_code.read', 'visitor_code.issue'])).toBe(true);
    expect(mayAny({}, ['visitor_code.read', 'visitor_code.issue'])).toBe(false);
  });

  it('counts an ability over related resources as possible, naming no site', () => {
    expect(may({ 'encounter.update': 'related' }, 'encounter.update', 's1')).toBe(true);
    expect(siteIdsFor({ 'encounter.update': 'related' }, 'encounter.update', sites)).toEqual([]);
  });

  it('lists the pages of the actions the rules give: a region-scoped action needs a region-wide role', () => {
    const links = (roles: Actor['roles']) => navItemsFor(abilitiesOf(actor(roles))).map((i) => i.to);
    expect(links([{ role: 'auditor', siteId: null }])).toEqual(['/', '/audit', '/account/password']);
    expect(links([{ role: 'administrator', siteId: null }])).toEqual(['/', '/admin/sites', '/admin/users', '/admin/codes', '/admin/services', '/admin/municipalities', '/audit', '/account/password']);
    // an administrator bound to a site administers nothing: site.update and the rest are region-scoped
    expect(links([{ role: 'administrator', siteId: 's1' }])).toEqual(['/', '/account/password']);
    expect(links([{ role: 'daycentre_staff', siteId: 's1' }])).toEqual(['/', '/visitors', '/schedule', '/groups', '/feedback', '/reports', '/pilots', '/structural', '/daylog', '/account/password']);
    // Client work: a professional may have clients (own worker, care team) and invite them; the others have none to list.
    expect(links([{ role: 'professional', siteId: 's1' }])).toEqual(['/', '/encounters', '/follow-ups', '/clients', '/visitors', '/schedule', '/groups', '/feedback', '/reports', '/pilots', '/structural', '/invitations', '/account/password']);
    // a coordinator counts clients and may invite an external member; clients themselves are reached by relationship
    expect(links([{ role: 'coordinator', siteId: null }])).toContain('/invitations');
    // The manager reads the reports and answers structural social work observations.
    expect(links([{ role: 'manager', siteId: null }])).toEqual(['/', '/reports', '/pilots', '/structural', '/account/password']);
  });
});
