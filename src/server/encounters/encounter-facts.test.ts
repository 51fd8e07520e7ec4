import { describe, expect, it } from 'vitest';
import type { EncounterView } from '../../domain/outreach-views.js';
import { testEngine } from '../testing/test-db.js';
import { encounterBody, issueCode, record, referralBody, setUpOutreach, type Outreach } from './test-support.js';

// Issue 16 items 3 and 4: "anonymous to the professional", "first time with me" per professional, and
// who made a referral — nothing preselected, an unanswered question stored as null.

const idOf = (client: Outreach['nurse']) => client.session.user.id;
const firstOf = (view: EncounterView) => Object.fromEntries(view.professionals.map((p) => [p.userId, p.isFirstWithProfessional]));

describe(`anonymity, first meetings and referrers on ${testEngine}`, () => {
  it('stores "not recorded" (null) when nothing was answered, also for a joint encounter', async () => {
    const o = await setUpOutreach();
    const view = await record(o.nurse, encounterBody(o, { professionalIds: [idOf(o.socialWorker)] }));
    expect(view.isAnonymousToProfessional).toBeNull();
    expect(firstOf(view)).toEqual({ [idOf(o.nurse)]: null, [idOf(o.socialWorker)]: null });
    const rows = await o.h.db.withRawSession((s) => s.query<{ a: boolean | null }>('select is_anonymous_to_professional as a from encounters where id = $1', [view.id]));
    expect(rows).toEqual([{ a: null }]);
  });

  it('reads an encounter saved before these questions existed as not recorded', async () => {
    const o = await setUpOutreach();
    const view = await record(o.nurse, encounterBody(o));
    // What a row written by the old code looks like: the new columns are simply left out.
    const legacy = crypto.randomUUID();
    await o.h.db.withRawSession((s) =>
      s.query(
        `insert into encounters (id, region_id, site_id, occurred_at, age_band, is_urgent, created_by, created_at, updated_at)
         select $1, region_id, site_id, occurred_at, age_band, is_urgent, created_by, created_at, updated_at from encounters where id = $2`,
        [legacy, view.id],
      ).then(() => s.query(`insert into encounter_professionals (encounter_id, user_id, profession) values ($1, $2, 'nurse')`, [legacy, idOf(o.nurse)])),
    );
    const read = (await o.nurse.request('GET', `/api/encounters/${legacy}`)).json<EncounterView>();
    expect(read.isAnonymousToProfessional).toBeNull();
    expect(read.professionals[0]!.isFirstWithProfessional).toBeNull();
  });

  it('keeps "anonymous to the professional" apart from the visitor code, and first-with-me per professional', async () => {
    const o = await setUpOutreach();
    const code = await issueCode(o);
    const view = await record(o.nurse, encounterBody(o, {
      visitorCode: code,
      isAnonymousToProfessional: true,
      professionalIds: [idOf(o.socialWorker)],
      firstWithProfessional: [{ userId: idOf(o.nurse), isFirst: false }, { userId: idOf(o.socialWorker), isFirst: true }],
    }));
    expect(view).toMatchObject({ visitorCode: code, isAnonymousToProfessional: true, isFirstVisit: true });
    expect(firstOf(view)).toEqual({ [idOf(o.nurse)]: false, [idOf(o.socialWorker)]: true });
    const told = await record(o.nurse, encounterBody(o, { isAnonymousToProfessional: false }));
    expect([told.visitorCode, told.isAnonymousToProfessional]).toEqual([null, false]);
  });

  it('lets each professional answer "first time with me?" afterwards, keeping the other’s answer', async () => {
    const o = await setUpOutreach();
    const body = encounterBody(o, { professionalIds: [idOf(o.socialWorker)], firstWithProfessional: [{ userId: idOf(o.nurse), isFirst: true }] });
    await record(o.nurse, body);
    const edited = await o.socialWorker.request('PATCH', `/api/encounters/${body.id}`, { firstWithProfessional: [{ userId: idOf(o.socialWorker), isFirst: false }], isAnonymousToProfessional: false });
    expect(edited.statusCode).toBe(200);
    expect(firstOf(edited.json<EncounterView>())).toEqual({ [idOf(o.nurse)]: true, [idOf(o.socialWorker)]: false });
    expect(edited.json<EncounterView>().isAnonymousToProfessional).toBe(false);
    // Adding a colleague keeps the answers already given.
    const widened = await o.nurse.request('PATCH', `/api/encounters/${body.id}`, { professionalIds: [idOf(o.socialWorker)] });
    expect(firstOf(widened.json<EncounterView>())).toEqual({ [idOf(o.nurse)]: true, [idOf(o.socialWorker)]: false });
  });

  it('refuses a first-meeting answer for someone who is not on the encounter', async () => {
    const o = await setUpOutreach();
    const response = await o.nurse.request('POST', '/api/encounters', encounterBody(o, { firstWithProfessional: [{ userId: idOf(o.socialWorker), isFirst: true }] }));
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details).toMatchObject({ field: 'firstWithProfessional', reason: 'not_in_encounter' });
  });

  it('records who made each referral: the recorder by default, either professional in a joint meeting', async () => {
    const o = await setUpOutreach();
    const view = await record(o.nurse, encounterBody(o, {
      professionalIds: [idOf(o.socialWorker)],
      referrals: [referralBody(o.services.kela!, { referredBy: idOf(o.socialWorker) }), referralBody(o.services.health_station!)],
    }));
    expect(view.referrals.map((r) => [r.serviceId, r.referredBy])).toEqual([
      [o.services.kela, idOf(o.socialWorker)],
      [o.services.health_station, idOf(o.nurse)],
    ]);
    const rows = await o.h.db.withRawSession((s) => s.query<{ referred_by: string }>('select referred_by from referrals where encounter_id = $1 order by referred_by', [view.id]));
    expect(rows.map((r) => r.referred_by).sort()).toEqual([idOf(o.nurse), idOf(o.socialWorker)].sort());
    // The referrer cannot be taken off the encounter while their referral is on it.
    const dropped = await o.nurse.request('PATCH', `/api/encounters/${view.id}`, { professionalIds: [] });
    expect(dropped.statusCode).toBe(400);
    expect(dropped.json().error.details).toMatchObject({ reason: 'not_in_encounter' });
  });

  it('refuses a referrer who is not a professional of the encounter', async () => {
    const o = await setUpOutreach();
    const response = await o.nurse.request('POST', '/api/encounters', encounterBody(o, { referrals: [referralBody(o.services.kela!, { referredBy: idOf(o.socialWorker) })] }));
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details).toMatchObject({ field: 'referrals', reason: 'not_in_encounter' });
  });

  it('carries the new answers through the offline batch', async () => {
    const o = await setUpOutreach();
    const body = encounterBody(o, { isAnonymousToProfessional: true, firstWithProfessional: [{ userId: idOf(o.nurse), isFirst: true }], referrals: [referralBody(o.services.kela!)] });
    const response = await o.nurse.request('POST', '/api/encounters/batch', { encounters: [body] });
    expect(response.json().results).toEqual([{ id: body.id, status: 'created' }]);
    const view = (await o.nurse.request('GET', `/api/encounters/${body.id}`)).json<EncounterView>();
    expect([view.isAnonymousToProfessional, view.professionals[0]!.isFirstWithProfessional, view.referrals[0]!.referredBy]).toEqual([true, true, idOf(o.nurse)]);
  });
});
