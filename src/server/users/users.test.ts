import { describe, expect, it } from 'vitest';
import { createHarness, makeRegion, makeSite, makeUser, signIn } from '../testing/harness.js';
import { testEngine } from '../testing/test-db.js';

describe(`user administration on ${testEngine}`, () => {
  it('creates a user with a site role who can then sign in, and audits creation, reads and changes', async () => {
    const h = await createHarness();
    const region = await makeRegion(h);
    const site = await makeSite(h, region.id);
    const admin = await signIn(h, await makeUser(h, region.id, [{ role: 'administrator', siteId: null }]));
    const created = await admin.request('POST', '/api/users', {
      regionId: region.id,
      username: '  Hoitaja.Helena ',
      displayName: 'Helena Hoitaja',
      profession: 'nurse',
      password: 'a long enough password',
      roles: [{ role: 'professional', siteId: site.id }],
    });
    expect(created.statusCode).toBe(201);
    const user = created.json<{ id: string; username: string }>();
    expect(user.username).toBe('hoitaja.helena');
    expect(created.body).not.toContain('argon2');
    const helena = await signIn(h, { username: 'hoitaja.helena', password: 'a long enough password' });
    expect(helena.session.user).toMatchObject({ profession: 'nurse', roles: [{ role: 'professional', siteId: site.id }] });
    expect((await admin.request('GET', `/api/users/${user.id}`)).statusCode).toBe(200);
    const patched = await admin.request('PATCH', `/api/users/${user.id}`, { roles: [{ role: 'daycentre_staff', siteId: site.id }] });
    expect(patched.json()).toMatchObject({ roles: [{ role: 'daycentre_staff', siteId: site.id }] });
    // Changed rights end the user's sessions: the next request must sign in again with the new roles.
    expect((await helena.request('GET', '/api/auth/me')).statusCode).toBe(401);
    const audit = await h.db.withRawSession((s) => s.query<{ action: string }>('select action from audit_log where resource_id = $1 order by id', [user.id]));
    expect(audit.map((a) => a.action)).toEqual(['user.created', 'auth.sign_in', 'user.read', 'user.updated']);
  });

  it('refuses a taken username, a site of another region, and an administrator locking themself out', async () => {
    const h = await createHarness();
    const region = await makeRegion(h);
    const other = await makeRegion(h);
    const foreignSite = await makeSite(h, other.id);
    const adminUser = await makeUser(h, region.id, [{ role: 'administrator', siteId: null }]);
    const admin = await signIn(h, adminUser);
    const base = { regionId: region.id, displayName: 'X', password: 'a long enough password', roles: [{ role: 'auditor', siteId: null }] };
    expect((await admin.request('POST', '/api/users', { ...base, username: adminUser.username })).statusCode).toBe(409);
    const foreign = await admin.request('POST', '/api/users', { ...base, username: 'elsewhere', roles: [{ role: 'professional', siteId: foreignSite.id }] });
    expect(foreign.statusCode).toBe(400);
    expect((await admin.request('PATCH', `/api/users/${adminUser.id}`, { isActive: false })).statusCode).toBe(400);
    expect((await admin.request('PATCH', `/api/users/${adminUser.id}`, { roles: [{ role: 'auditor', siteId: null }] })).statusCode).toBe(400);
    expect((await admin.request('GET', '/api/auth/me')).statusCode).toBe(200);
  });

  it('lets a deactivated user no longer sign in, and a reset password replace the old one', async () => {
    const h = await createHarness();
    const region = await makeRegion(h);
    const admin = await signIn(h, await makeUser(h, region.id, [{ role: 'administrator', siteId: null }]));
    const person = await makeUser(h, region.id, [{ role: 'coordinator', siteId: null }]);
    const session = await signIn(h, person);
    expect((await admin.request('POST', `/api/users/${person.id}/password`, { newPassword: 'reset by the admin' })).statusCode).toBe(204);
    expect((await session.request('GET', '/api/auth/me')).statusCode).toBe(401);
    await expect(signIn(h, person)).rejects.toThrow(/401/);
    await signIn(h, { username: person.username, password: 'reset by the admin' });
    expect((await admin.request('PATCH', `/api/users/${person.id}`, { isActive: false })).statusCode).toBe(200);
    await expect(signIn(h, { username: person.username, password: 'reset by the admin' })).rejects.toThrow(/401/);
  });
});
