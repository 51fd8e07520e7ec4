import { describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { makeRegion, makeSite, makeUser, signIn } from '../testing/harness.js';
import { testEngine } from '../testing/test-db.js';
import { auditRows, encounterBody, issueCode, professionalAt, record, referralBody, setUpOutreach } from './test-support.js';

describe(`recording encounters on ${testEngine}`, () => {
  it('stores a nurse’s anonymous encounter with a referral in one go, keeps the asked first-visit answer, and audits it', async () => {
    const o = await setUpOutreach();
    const body = encounterBody(o, {
      isFirstVisit: true,
      ageBand: '51_64',
      needs: ['health:blood_pressure', 'health:wound_care'],
      support: ['health:measured_bp_sugar'],
      isUrgent: true,
      referrals: [referralBody(o.services.health_station!, { way: 'booked_together', followUpOn: '2026-02-01', memo: 'asks about evening times' })],
    });
    const response = await o.nurse.request('POST', '/api/encounters', body);
    expect(response.statusCode).toBe(201);
    const view = response.json();
    expect(view).toMatchObject({
      id: body.id,
      siteId: o.siteId,
      isJoint: false,
      visitorCode: null,
      isFirstVisit: true,
      ageBand: '51_64',
      needs: ['health:blood_pressure', 'health:wound_care'],
      support: ['health:measured_bp_sugar'],
      isUrgent: true,
      createdBy: o.nurse.session.user.id,
      canEdit: true,
    });
    expect(view.professionals).toEqual([{ userId: o.nurse.session.user.id, displayName: expect.any(String), profession: 'nurse', isFirstWithProfessional: null }]);
    expect(view.referrals).toEqual([
      expect.objectContaining({ serviceId: o.services.health_station, way: 'booked_together', status: 'booked', followUpOn: '2026-02-01', memo: 'asks about evening times', closedAt: null, hasSlip: false }),
    ]);
    const audit = await auditRows(o.h, { resourceId: body.id });
    expect(audit.map((a) => a.action)).toEqual(['encounter.created']);
    expect(audit[0]).toMatchObject({ actor_id: o.nurse.session.user.id, site_id: o.siteId, details: { referralIds: [view.referrals[0].id] } });
  });

  it('stores a referral booked together, made by an e-contact together or escorted as booked, and an advised one as suggested', async () => {
    const o = await setUpOutreach();
    const ways = ['advised', 'booked_together', 'e_contact_together', 'escorted'] as const;
    const bodies = ways.map((way) => referralBody(o.services.kela!, { way }));
    // An older client (or its offline queue) sends "suggested" whatever the way: the way decides.
    const queued = referralBody(o.services.kela!, { way: 'escorted', status: 'suggested' });
    const response = await o.nurse.request('POST', '/api/encounters', encounterBody(o, { referrals: [...bodies, queued] }));
    expect(response.statusCode).toBe(201);
    const byId = new Map(response.json().referrals.map((r: { id: string; status: string }) => [r.id, r.status]));
    expect(bodies.map((b) => byId.get(b.id))).toEqual(['suggested', 'booked', 'booked', 'booked']);
    expect(byId.get(queued.id)).toBe('booked');
  });

  it('closes a referral at once when it is recorded with an outcome already known', async () => {
    const o = await setUpOutreach();
    const response = await o.nurse.request('POST', '/api/encounters', encounterBody(o, { referrals: [referralBody(o.services.kela!, { status: 'realised' })] }));
    expect(response.json().referrals[0]).toMatchObject({ status: 'realised', closedAt: o.h.clock.now().toISOString() });
  });

  it('records a joint encounter once, with one professional per person and each profession stored', async () => {
    const o = await setUpOutreach();
    const body = encounterBody(o, { professionalIds: [o.socialWorker.session.user.id] });
    const view = (await o.nurse.request('POST', '/api/encounters', body)).json();
    expect(view.isJoint).toBe(true);
    expect(view.professionals.map((p: { userId: string; profession: string }) => [p.userId, p.profession]).sort()).toEqual(
      [[o.nurse.session.user.id, 'nurse'], [o.socialWorker.session.user.id, 'social_worker']].sort(),
    );
    const stored = await o.h.db.withRawSession((s) => s.query<{ n: number }>('select count(*)::int as n from encounters where id = $1', [body.id]));
    expect(stored[0]!.n).toBe(1);
  });

  it('shows the nurse only the health codes and the social worker only the social codes of the same joint encounter', async () => {
    const o = await setUpOutreach();
    const body = encounterBody(o, {
      professionalIds: [o.socialWorker.session.user.id],
      needs: ['health:blood_sugar', 'social:housing'],
      support: ['health:follow_up_plan', 'social:follow_up_plan'],
    });
    expect((await o.nurse.request('POST', '/api/encounters', body)).statusCode).toBe(201);
    const asNurse = (await o.nurse.request('GET', `/api/encounters/${body.id}`)).json();
    const asSocialWorker = (await o.socialWorker.request('GET', `/api/encounters/${body.id}`)).json();
    expect([asNurse.needs, asNurse.support]).toEqual([['health:blood_sugar'], ['health:follow_up_plan']]);
    expect([asSocialWorker.needs, asSocialWorker.support]).toEqual([['social:housing'], ['social:follow_up_plan']]);
    const listed = (await o.socialWorker.request('GET', `/api/sites/${o.siteId}/encounters`)).json();
    expect(listed.encounters[0].needs).toEqual(['social:housing']);
  });

  it('refuses codes of a register no professional of the encounter represents, and unknown or retired codes', async () => {
    const o = await setUpOutreach();
    const healthBySocialWorker = await o.socialWorker.request('POST', '/api/encounters', encounterBody(o, { needs: ['health:blood_pressure'] }));
    expect(healthBySocialWorker.statusCode).toBe(400);
    expect(healthBySocialWorker.json().error.message).toMatch(/nurse/);
    const socialByNurse = await o.nurse.request('POST', '/api/encounters', encounterBody(o, { support: ['social:listening'] }));
    expect(socialByNurse.statusCode).toBe(400);
    const unknown = await o.nurse.request('POST', '/api/encounters', encounterBody(o, { needs: ['health:no_such_code'] }));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toMatch(/health:no_such_code/);
    // a need code sent as support is not in that list
    expect((await o.nurse.request('POST', '/api/encounters', encounterBody(o, { support: ['health:blood_pressure'] }))).statusCode).toBe(400);
    const admin = await signIn(o.h, await makeUser(o.h, o.regionId, [{ role: 'administrator', siteId: null }]));
    expect((await admin.request('PATCH', '/api/codes/need/health/ears', { isActive: false })).statusCode).toBe(200);
    expect((await o.nurse.request('POST', '/api/encounters', encounterBody(o, { needs: ['health:ears'] }))).statusCode).toBe(400);
    const rows = await o.h.db.withRawSession((s) => s.query<{ n: number }>('select count(*)::int as n from encounters where site_id = $1', [o.siteId]));
    expect(rows[0]!.n).toBe(0);
  });

  it('refuses a joint encounter with someone who is not a professional at the site', async () => {
    const o = await setUpOutreach();
    const elsewhere = await makeSite(o.h, o.regionId);
    const nurseElsewhere = await professionalAt(o.h, o.regionId, elsewhere.id, 'nurse');
    const staff = await signIn(o.h, await makeUser(o.h, o.regionId, [{ role: 'daycentre_staff', siteId: o.siteId }]));
    const regionWide = await professionalAt(o.h, o.regionId, null, 'addiction_worker');
    for (const other of [nurseElsewhere, staff]) {
      const response = await o.nurse.request('POST', '/api/encounters', encounterBody(o, { professionalIds: [other.session.user.id] }));
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('bad_request');
    }
    expect((await o.nurse.request('POST', '/api/encounters', encounterBody(o, { professionalIds: [uuidv7()] }))).statusCode).toBe(400);
    expect((await o.nurse.request('POST', '/api/encounters', encounterBody(o, { professionalIds: [regionWide.session.user.id] }))).statusCode).toBe(201);
  });

  it('stores an entry sent twice once: the second answer is 200 with the stored encounter, unchanged', async () => {
    const o = await setUpOutreach();
    const body = encounterBody(o, { referrals: [referralBody(o.services.kela!)] });
    const first = await o.nurse.request('POST', '/api/encounters', body);
    const again = await o.nurse.request('POST', '/api/encounters', { ...body, isUrgent: true, ageBand: 'over_80' });
    expect([first.statusCode, again.statusCode]).toEqual([201, 200]);
    expect(again.json()).toEqual(first.json());
    const counts = await o.h.db.withRawSession((s) =>
      s.query<{ e: number; r: number }>('select (select count(*)::int from encounters where id = $1) as e, (select count(*)::int from referrals where encounter_id = $1) as r', [body.id]),
    );
    expect(counts[0]).toEqual({ e: 1, r: 1 });
    expect((await auditRows(o.h, { resourceId: body.id })).map((a) => a.action)).toEqual(['encounter.created']);
  });

  it('answers a new entry with exactly what a later read shows (joint, codes of both registers, referrals, a visitor code)', async () => {
    const o = await setUpOutreach();
    const code = await issueCode(o);
    await record(o.nurse, encounterBody(o, { visitorCode: code }));
    const body = encounterBody(o, {
      professionalIds: [o.socialWorker.session.user.id],
      visitorCode: code,
      needs: ['social:housing', 'health:blood_sugar', 'health:blood_pressure'],
      support: ['social:follow_up_plan', 'health:follow_up_plan'],
      referrals: [referralBody(o.services.kela!, { memo: 'soittaa itse' }), referralBody(o.services.health_station!, { status: 'realised' })],
    });
    const created = await o.nurse.request('POST', '/api/encounters', body);
    expect(created.statusCode).toBe(201);
    expect(created.json().isFirstVisit).toBe(false);
    expect(created.json().referrals).toHaveLength(2);
    expect((await o.nurse.request('GET', `/api/encounters/${body.id}`)).json()).toEqual(created.json());
  });

  it('stores an entry once when it arrives twice at the same moment', async () => {
    const o = await setUpOutreach();
    const body = encounterBody(o, { referrals: [referralBody(o.services.kela!)] });
    const answers = await Promise.all([o.nurse.request('POST', '/api/encounters', body), o.nurse.request('POST', '/api/encounters', body)]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 201]);
    const counts = await o.h.db.withRawSession((s) => s.query<{ n: number }>('select count(*)::int as n from referrals where encounter_id = $1', [body.id]));
    expect(counts[0]!.n).toBe(1);
  });

  it('answers 409 when the same id comes from someone else or for another site', async () => {
    const o = await setUpOutreach();
    const body = encounterBody(o);
    expect((await o.nurse.request('POST', '/api/encounters', body)).statusCode).toBe(201);
    const bySomeoneElse = await o.socialWorker.request('POST', '/api/encounters', body);
    expect(bySomeoneElse.statusCode).toBe(409);
    expect(bySomeoneElse.json().error.code).toBe('conflict');
    const regionWide = await professionalAt(o.h, o.regionId, null, 'nurse');
    const other = await makeSite(o.h, o.regionId);
    const mine = encounterBody(o);
    expect((await regionWide.request('POST', '/api/encounters', mine)).statusCode).toBe(201);
    expect((await regionWide.request('POST', '/api/encounters', { ...mine, siteId: other.id })).statusCode).toBe(409);
  });

  it('refuses another site of the region with 403 and another region with 404', async () => {
    const o = await setUpOutreach();
    const neighbour = await makeSite(o.h, o.regionId);
    const otherRegion = await makeRegion(o.h);
    const foreignSite = await makeSite(o.h, otherRegion.id);
    expect((await o.nurse.request('POST', '/api/encounters', { ...encounterBody(o), siteId: neighbour.id })).statusCode).toBe(403);
    expect((await o.nurse.request('POST', '/api/encounters', { ...encounterBody(o), siteId: foreignSite.id })).statusCode).toBe(404);
    expect((await o.nurse.request('GET', `/api/sites/${neighbour.id}/encounters`)).statusCode).toBe(403);
    expect((await o.nurse.request('GET', `/api/sites/${foreignSite.id}/encounters`)).statusCode).toBe(404);
    const body = encounterBody(o);
    await record(o.nurse, body);
    const neighbourNurse = await professionalAt(o.h, o.regionId, neighbour.id, 'nurse');
    const foreignNurse = await professionalAt(o.h, otherRegion.id, foreignSite.id, 'nurse');
    expect((await neighbourNurse.request('GET', `/api/encounters/${body.id}`)).statusCode).toBe(403);
    expect((await foreignNurse.request('GET', `/api/encounters/${body.id}`)).statusCode).toBe(404);
    expect((await foreignNurse.request('PATCH', `/api/encounters/${body.id}`, { isUrgent: true })).statusCode).toBe(404);
    expect((await foreignNurse.request('DELETE', `/api/encounters/${body.id}`)).statusCode).toBe(404);
  });

  it('lists a site’s encounters of one Helsinki day, newest first, and audits every person-level read', async () => {
    const o = await setUpOutreach();
    // 23:30 UTC on 14 January is 01:30 on 15 January in Helsinki
    const lateNight = encounterBody(o, { occurredAt: '2026-01-14T23:30:00Z' });
    const morning = encounterBody(o, { occurredAt: '2026-01-15T08:00:00+02:00' });
    const dayBefore = encounterBody(o, { occurredAt: '2026-01-14T21:59:00Z' });
    for (const body of [lateNight, morning, dayBefore]) expect((await o.nurse.request('POST', '/api/encounters', body)).statusCode).toBe(201);
    const today = (await o.nurse.request('GET', `/api/sites/${o.siteId}/encounters`)).json();
    expect(today.encounters.map((e: { id: string }) => e.id)).toEqual([morning.id, lateNight.id]);
    const earlier = (await o.nurse.request('GET', `/api/sites/${o.siteId}/encounters?day=2026-01-14`)).json();
    expect(earlier.encounters.map((e: { id: string }) => e.id)).toEqual([dayBefore.id]);
    expect((await o.nurse.request('GET', `/api/sites/${o.siteId}/encounters?day=2026-02-30`)).statusCode).toBe(400);
    await o.socialWorker.request('GET', `/api/encounters/${morning.id}`);
    const listed = await auditRows(o.h, { action: 'encounter.listed' });
    expect(listed.map((a) => a.details)).toEqual([{ day: '2026-01-15', count: 2 }, { day: '2026-01-14', count: 1 }]);
    expect(await auditRows(o.h, { action: 'encounter.read' })).toEqual([expect.objectContaining({ resource_id: morning.id, actor_id: o.socialWorker.session.user.id, site_id: o.siteId })]);
  });

  it('refuses a professional without a profession, and people who are not professionals', async () => {
    const o = await setUpOutreach();
    const noProfession = await signIn(o.h, await makeUser(o.h, o.regionId, [{ role: 'professional', siteId: o.siteId }], null));
    const response = await noProfession.request('POST', '/api/encounters', encounterBody(o));
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toMatch(/profession/);
    const staff = await signIn(o.h, await makeUser(o.h, o.regionId, [{ role: 'daycentre_staff', siteId: o.siteId }]));
    expect((await staff.request('POST', '/api/encounters', encounterBody(o))).statusCode).toBe(403);
    expect((await staff.request('GET', `/api/sites/${o.siteId}/encounters`)).statusCode).toBe(403);
  });
});
