import { describe, expect, it } from 'vitest';
import { grantsFor, groupsOf, parseRoleMap } from './oidc-role-map.js';

describe('the groups of an ID token', () => {
  it('are a list or one string; other values and missing claims are none', () => {
    expect(groupsOf({ groups: ['a', 'b', 7] }, 'groups')).toEqual(['a', 'b']);
    expect(groupsOf({ groups: 'a' }, 'groups')).toEqual(['a']);
    expect(groupsOf({ groups: { a: true } }, 'groups')).toBeNull();
    expect(groupsOf({}, 'groups')).toBeNull();
  });

  it('follow a dotted name as a path only when no claim has that name', () => {
    expect(groupsOf({ realm_access: { roles: ['silta'] } }, 'realm_access.roles')).toEqual(['silta']);
    expect(groupsOf({ 'https://org.example/groups': ['x'] }, 'https://org.example/groups')).toEqual(['x']);
  });

  it('give the grants of the groups the mapping names, once each', () => {
    const mapping = parseRoleMap('groups', JSON.stringify({ a: { role: 'auditor', regionWide: true }, b: [{ role: 'professional', site: 'S' }] }));
    expect(grantsFor(mapping, ['a', 'a', 'unknown', 'b'])).toEqual([{ role: 'auditor', site: null }, { role: 'professional', site: 'S' }]);
    // Names inherited by every object are not groups of the mapping.
    expect(grantsFor(mapping, ['constructor', 'toString'])).toEqual([]);
  });
});

describe('the scopes Silta asks for', () => {
  it('bring the linking claim and no more', async () => {
    const { scopeFor } = await import('./oidc.js');
    expect(scopeFor('sub')).toBe('openid');
    expect(scopeFor('email')).toBe('openid email');
    expect(scopeFor('oid')).toBe('openid profile');
  });
});
