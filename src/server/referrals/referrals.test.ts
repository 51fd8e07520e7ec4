import { describe, expect, it } from 'vitest';
import { makeRegion, makeSite, makeUser, signIn } from '../testing/harness.js';
import { testEngine } from '../testing/test-db.js';
import { loadActor } from '../auth/actor-repo.js';
import { presentEncounter } from '../encounters/present.js';
import { findEncounter, loadBundle } from '../encounters/repo.js';
import { auditRows, encounterBody, issueCode, professionalAt, record, referralBody, setUpOutreach, type Outreach } from '../encounters/test-support.js';
import { purgeClosedMemos } from './purge.js';

const DAY = 86_400_000;

async function oneReferral(o: Outreach, extra: Record<string, unknown> = {}, encounter: Record<string, unknown> = {}) {
  const view = await record(o.nurse, encounterBody(o, { ...encounter, referrals: [referralBody(o.services.kela!, extra)] }));
  return view.referrals[0]!;
}

describe(`referrals on ${testEngine}`, () => {
  it('close when an outcome is set and reopen when it is taken back, audited by field name without the memo text', async () => {
    const o = await setUpOutreach();
    const referral = await oneReferral(o, { memo: 'first memo' });
    const url = `/api/referrals/${referral.id}`;
    const booked = await o.socialWorker.request('PATCH', url, { status: 'booked', followUpOn: '2026-02-10', memo: 'secret words' });
    expect(booked.statusCode).toBe(200);
    expect(booked.json()).toMatchObject({ status: 'booked', followUpOn: '2026-02-10', memo: 'secret words', closedAt: null });
    o.h.clock.advance(60_000);
    const closedAt = o.h.clock.now().toISOString();
    expect((await o.nurse.request('PATCH', url, { status: 'realised' })).json()).toMatchObject({ status: 'realised', closedAt });
    o.h.clock.advance(60_000);
    // another closed outcome keeps the original closing time
    expect((await o.nurse.request('PATCH', url, { status: 'not_realised' })).json().closedAt).toBe(closedAt);
    expect((await o.nurse.request('PATCH', url, { status: 'booked' })).json()).toMatchObject({ status: 'booked', closedAt: null, memo: 'secret words' });
    const audit = await auditRows(o.h, { resourceId: referral.id, action: 'referral.updated' });
    expect(audit.map((a) => a.details)).toEqual([{ fields: ['status', 'followUpOn', 'memo'] }, { fields: ['status'] }, { fields: ['status'] }, { fields: ['status'] }]);
    expect(JSON.stringify(await auditRows(o.h, {}))).not.toMatch(/secret words|first memo/);
  });

  it('refuse days that do not exist, overlong memos, other sites (403) and other regions (404)', async () => {
    const o = await setUpOutreach();
    const referral = await oneReferral(o);
    const url = `/api/referrals/${referral.id}`;
    expect((await o.nurse.request('PATCH', url, { followUpOn: '2026-02-30' })).statusCode).toBe(400);
    expect((await o.nurse.request('PATCH', url, { memo: 'x'.repeat(201) })).statusCode).toBe(400);
    expect((await o.nurse.request('POST', '/api/encounters', encounterBody(o, { referrals: [referralBody(o.services.kela!, { followUpOn: '2026-04-31' })] }))).statusCode).toBe(400);
    const neighbour = await professionalAt(o.h, o.regionId, (await makeSite(o.h, o.regionId)).id, 'nurse');
    expect((await neighbour.request('PATCH', url, { status: 'booked' })).statusCode).toBe(403);
    expect((await neighbour.request('POST', `${url}/slip`)).statusCode).toBe(403);
    expect((await neighbour.request('GET', `/api/sites/${o.siteId}/follow-ups`)).statusCode).toBe(403);
    const otherRegion = await makeRegion(o.h);
    const foreign = await professionalAt(o.h, otherRegion.id, (await makeSite(o.h, otherRegion.id)).id, 'nurse');
    expect((await foreign.request('PATCH', url, { status: 'booked' })).statusCode).toBe(404);
    expect((await foreign.request('POST', `${url}/slip`)).statusCode).toBe(404);
    expect((await foreign.request('GET', `/api/sites/${o.siteId}/follow-ups`)).statusCode).toBe(404);
    const staff = await signIn(o.h, await makeUser(o.h, o.regionId, [{ role: 'daycentre_staff', siteId: o.siteId }]));
    expect((await staff.request('PATCH', url, { status: 'booked' })).statusCode).toBe(403);
  });

  it('refuse a service that is not an active service of the region', async () => {
    const o = await setUpOutreach();
    const otherRegion = await makeRegion(o.h);
    const foreignNurse = await professionalAt(o.h, otherRegion.id, (await makeSite(o.h, otherRegion.id)).id, 'nurse');
    const foreignService = (await foreignNurse.request('GET', '/api/services')).json().services[0].id;
    const response = await o.nurse.request('POST', '/api/encounters', encounterBody(o, { referrals: [referralBody(foreignService)] }));
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toMatch(/service/);
  });

  it('come up for follow-up only while open, only with a visitor code, only at their own site, and the list is audited', async () => {
    const o = await setUpOutreach();
    const code = await issueCode(o);
    const retiredCode = await issueCode(o);
    const later = await oneReferral(o, { followUpOn: '2026-03-01', memo: 'ask about the form' }, { visitorCode: code });
    const sooner = await oneReferral(o, { followUpOn: '2026-02-01' }, { visitorCode: code });
    await oneReferral(o, { status: 'realised' }, { visitorCode: code });
    await oneReferral(o);
    await oneReferral(o, {}, { visitorCode: retiredCode });
    await o.nurse.request('POST', `/api/visitor-codes/${retiredCode}/retire`);
    const other = await makeSite(o.h, o.regionId);
    const nurseThere = await professionalAt(o.h, o.regionId, other.id, 'nurse');
    await record(nurseThere, { ...encounterBody(o), siteId: other.id, visitorCode: code, referrals: [referralBody(o.services.kela!)] });
    const response = await o.socialWorker.request('GET', `/api/sites/${o.siteId}/follow-ups`);
    expect(response.statusCode).toBe(200);
    const { followUps } = response.json();
    expect(followUps.map((f: { referral: { id: string } }) => f.referral.id)).toEqual([sooner.id, later.id]);
    expect(followUps[1]).toMatchObject({ visitorCode: code, encounterDay: '2026-01-15', serviceName: { fi: 'Kela' }, referral: { memo: 'ask about the form' } });
    expect(await auditRows(o.h, { action: 'referral.follow_ups_listed' })).toEqual([expect.objectContaining({ site_id: o.siteId, details: { count: 2 } })]);
  });

  it('show their memo only to professionals of the site', async () => {
    const o = await setUpOutreach();
    const view = await record(o.nurse, encounterBody(o, { referrals: [referralBody(o.services.kela!, { memo: 'call on Monday' })] }));
    expect(view.referrals[0]!.memo).toBe('call on Monday');
    const bundle = await loadBundle(o.h.db.orm, (await findEncounter(o.h.db.orm, view.id))!);
    const coordinator = await makeUser(o.h, o.regionId, [{ role: 'coordinator', siteId: null }]);
    const elsewhere = await professionalAt(o.h, o.regionId, (await makeSite(o.h, o.regionId)).id, 'nurse');
    for (const userId of [coordinator.id, elsewhere.session.user.id]) {
      expect(presentEncounter(bundle, (await loadActor(o.h.db.orm, userId))!, { today: '2026-01-01' }).referrals[0]!.memo).toBeNull();
    }
    const regionWide = await professionalAt(o.h, o.regionId, null, 'social_worker');
    expect((await regionWide.request('GET', `/api/encounters/${view.id}`)).json().referrals[0].memo).toBe('call on Monday');
  });

  it('lose their memo more than 30 days after closing, with the purge audited', async () => {
    const o = await setUpOutreach();
    const closedEarly = await oneReferral(o, { memo: 'old note', status: 'not_realised' });
    const open = await oneReferral(o, { memo: 'still open' });
    await o.travel(10 * DAY);
    const closedLater = await oneReferral(o, { memo: 'newer note', status: 'unknown' });
    await o.travel(20 * DAY); // exactly 30 days after the first closing: not yet
    expect(await purgeClosedMemos(o.h.deps)).toBe(0);
    o.h.clock.advance(60_000);
    expect(await purgeClosedMemos(o.h.deps)).toBe(1);
    const memos = await o.h.db.withRawSession((s) => s.query<{ id: string; memo: string | null }>('select id, memo from referrals'));
    const memoOf = (id: string) => memos.find((m) => m.id === id)!.memo;
    expect([memoOf(closedEarly.id), memoOf(open.id), memoOf(closedLater.id)]).toEqual([null, 'still open', 'newer note']);
    expect(await auditRows(o.h, { action: 'referral.memos_purged' })).toEqual([expect.objectContaining({ actor_id: null, region_id: o.regionId, details: expect.objectContaining({ count: 1 }) })]);
    o.h.clock.advance(11 * DAY);
    expect(await purgeClosedMemos(o.h.deps)).toBe(1);
    expect(await auditRows(o.h, { action: 'referral.memos_purged' })).toHaveLength(2);
  });
});
