import { describe, expect, it } from 'vitest';
import { testEngine } from '../testing/test-db.js';
import { auditRows, encounterBody, professionalAt, record, referralBody, setUpOutreach } from './test-support.js';

const DAY = 86_400_000;

describe(`correcting and deleting encounters on ${testEngine}`, () => {
  it('lets the creator delete an entry on the day it was recorded, with its referrals, and audits it', async () => {
    const o = await setUpOutreach();
    const body = encounterBody(o, { referrals: [referralBody(o.services.kela!)] });
    await record(o.nurse, body);
    await o.travel(10 * 3_600_000); // 19:00 UTC = 21:00 in Helsinki, still the same day
    const response = await o.nurse.request('DELETE', `/api/encounters/${body.id}`);
    expect(response.statusCode).toBe(204);
    expect((await o.nurse.request('GET', `/api/encounters/${body.id}`)).statusCode).toBe(404);
    const left = await o.h.db.withRawSession((s) => s.query<{ n: number }>('select count(*)::int as n from referrals where encounter_id = $1', [body.id]));
    expect(left[0]!.n).toBe(0);
    expect((await auditRows(o.h, { resourceId: body.id })).map((a) => a.action)).toEqual(['encounter.created', 'encounter.deleted']);
  });

  it('refuses to delete on a later Helsinki day and says that corrections are made by editing', async () => {
    const o = await setUpOutreach();
    await o.travel(new Date('2026-01-15T21:30:00Z')); // 23:30 in Helsinki
    const body = encounterBody(o);
    await record(o.nurse, body);
    await o.travel(60 * 60_000); // 00:30 in Helsinki: the next day, though still 15 January in UTC
    const response = await o.nurse.request('DELETE', `/api/encounters/${body.id}`);
    expect(response.statusCode).toBe(409);
    expect(response.json().error.message).toMatch(/editing/);
    expect((await o.nurse.request('GET', `/api/encounters/${body.id}`)).statusCode).toBe(200);
  });

  it('lets only the creator delete, not the other professional of a joint encounter', async () => {
    const o = await setUpOutreach();
    const body = encounterBody(o, { professionalIds: [o.socialWorker.session.user.id] });
    await record(o.nurse, body);
    expect((await o.socialWorker.request('DELETE', `/api/encounters/${body.id}`)).statusCode).toBe(403);
    expect((await o.nurse.request('DELETE', `/api/encounters/${body.id}`)).statusCode).toBe(204);
  });

  it('lets a professional of the encounter edit it weeks later, changing only the fields sent, audited by field name', async () => {
    const o = await setUpOutreach();
    const body = encounterBody(o, { professionalIds: [o.socialWorker.session.user.id], ageBand: '30_50', needs: ['health:ears', 'social:housing'], isFirstVisit: false });
    await record(o.nurse, body);
    await o.travel(20 * DAY);
    const response = await o.socialWorker.request('PATCH', `/api/encounters/${body.id}`, { isUrgent: true, durationMinutes: 25 });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ isUrgent: true, durationMinutes: 25, ageBand: '30_50', isFirstVisit: false, needs: ['social:housing'], isJoint: true });
    expect((await o.nurse.request('GET', `/api/encounters/${body.id}`)).json().needs).toEqual(['health:ears']);
    const updated = await auditRows(o.h, { resourceId: body.id, action: 'encounter.updated' });
    expect(updated).toEqual([expect.objectContaining({ actor_id: o.socialWorker.session.user.id, details: { fields: ['isUrgent', 'durationMinutes'] } })]);
  });

  it('replaces only the editor’s own register’s codes and refuses to touch the other register', async () => {
    const o = await setUpOutreach();
    const body = encounterBody(o, { professionalIds: [o.socialWorker.session.user.id], needs: ['health:ears', 'social:housing'], support: ['social:listening'] });
    await record(o.nurse, body);
    const edited = await o.nurse.request('PATCH', `/api/encounters/${body.id}`, { needs: ['health:dizziness'] });
    expect(edited.json().needs).toEqual(['health:dizziness']);
    const asSocialWorker = (await o.socialWorker.request('GET', `/api/encounters/${body.id}`)).json();
    expect([asSocialWorker.needs, asSocialWorker.support]).toEqual([['social:housing'], ['social:listening']]);
    expect((await o.nurse.request('PATCH', `/api/encounters/${body.id}`, { needs: ['social:housing'] })).statusCode).toBe(400);
    // the social worker cannot be removed while social codes remain
    const dropped = await o.nurse.request('PATCH', `/api/encounters/${body.id}`, { professionalIds: [] });
    expect(dropped.statusCode).toBe(400);
    expect(dropped.json().error.message).toMatch(/social/);
  });

  it('refuses edits by a professional of the site who is not on the encounter', async () => {
    const o = await setUpOutreach();
    const body = encounterBody(o);
    await record(o.nurse, body);
    const colleague = await professionalAt(o.h, o.regionId, o.siteId, 'nurse');
    expect((await colleague.request('PATCH', `/api/encounters/${body.id}`, { isUrgent: true })).statusCode).toBe(403);
    expect((await colleague.request('DELETE', `/api/encounters/${body.id}`)).statusCode).toBe(403);
    expect((await colleague.request('GET', `/api/encounters/${body.id}`)).json().canEdit).toBe(false);
  });

  it('adds a professional by editing, making the encounter joint', async () => {
    const o = await setUpOutreach();
    const body = encounterBody(o);
    await record(o.nurse, body);
    const edited = await o.nurse.request('PATCH', `/api/encounters/${body.id}`, { professionalIds: [o.socialWorker.session.user.id] });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().isJoint).toBe(true);
    expect((await o.socialWorker.request('GET', `/api/encounters/${body.id}`)).json().canEdit).toBe(true);
  });
});
