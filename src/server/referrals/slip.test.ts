import { describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { testEngine } from '../testing/test-db.js';
import type { Harness } from '../testing/harness.js';
import { auditRows, encounterBody, issueCode, record, referralBody, setUpOutreach, type Outreach } from '../encounters/test-support.js';
import { slipRule } from './slip.js';

const DAY = 86_400_000;

/** The receiving service: no session, no cookie, its own address. */
const publicCall = (h: Harness, method: 'GET' | 'POST', url: string, address = '192.0.2.10'): Promise<LightMyRequestResponse> =>
  h.app.inject({ method, url, remoteAddress: address });

async function referralWithSlip(o: Outreach) {
  const code = await issueCode(o);
  const view = await record(o.nurse, encounterBody(o, { visitorCode: code, ageBand: '30_50', referrals: [referralBody(o.services.health_station!, { memo: 'private' })] }));
  const referral = view.referrals[0]!;
  const issued = await o.nurse.request('POST', `/api/referrals/${referral.id}/slip`);
  expect(issued.statusCode).toBe(201);
  return { referral, slip: issued.json<{ code: string; url: string; expiresAt: string }>() };
}

describe(`referral slips on ${testEngine}`, () => {
  it('carry a one-time code, stored only as a hash, valid for 60 days', async () => {
    const o = await setUpOutreach();
    const { referral, slip } = await referralWithSlip(o);
    expect(slip.code).toMatch(/^[ACDEFHJKMNPQRTUVWXY34679]{10}$/);
    expect(slip.url).toBe(`/slip/${slip.code}`);
    expect(slip.expiresAt).toBe(new Date(o.h.clock.now().getTime() + 60 * DAY).toISOString());
    const stored = await o.h.db.withRawSession((s) => s.query<{ slip_code_hash: string }>('select slip_code_hash from referrals where id = $1', [referral.id]));
    expect(stored[0]!.slip_code_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored[0]!.slip_code_hash).not.toContain(slip.code);
    expect((await o.nurse.request('GET', `/api/encounters/${referral.encounterId}`)).json().referrals[0].hasSlip).toBe(true);
    expect((await auditRows(o.h, { resourceId: referral.id })).map((a) => a.action)).toEqual(['referral.slip_issued']);
  });

  it('show the receiving service only the service and the referral date, without a login', async () => {
    const o = await setUpOutreach();
    const { slip } = await referralWithSlip(o);
    const response = await publicCall(o.h, 'GET', `/api/slips/${slip.code.toLowerCase()}`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      serviceName: { fi: 'Terveysasema', sv: 'Hälsostation', en: 'Health station' },
      referredOn: '2026-01-15',
      status: 'open',
    });
    expect(response.body).not.toMatch(/private|30_50|visitor|encounter/i);
    expect((await publicCall(o.h, 'GET', '/api/slips/AAAAAAAAAA')).statusCode).toBe(404);
    expect((await publicCall(o.h, 'GET', '/api/slips/short')).statusCode).toBe(404);
  });

  it('confirm arrival once: the referral is realised and closed, audited without an actor; a second confirmation is refused', async () => {
    const o = await setUpOutreach();
    const { referral, slip } = await referralWithSlip(o);
    o.h.clock.advance(3 * DAY);
    const confirmed = await publicCall(o.h, 'POST', `/api/slips/${slip.code}/confirm`);
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json().status).toBe('confirmed');
    const row = await o.h.db.withRawSession((s) => s.query<{ status: string; closed_at: Date; slip_used_at: Date }>('select status, closed_at, slip_used_at from referrals where id = $1', [referral.id]));
    expect(row[0]).toMatchObject({ status: 'realised' });
    expect(new Date(row[0]!.closed_at).toISOString()).toBe(o.h.clock.now().toISOString());
    expect(new Date(row[0]!.slip_used_at).toISOString()).toBe(o.h.clock.now().toISOString());
    const again = await publicCall(o.h, 'POST', `/api/slips/${slip.code}/confirm`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toEqual({ code: 'conflict', message: expect.stringMatching(/already been used/) });
    expect((await publicCall(o.h, 'GET', `/api/slips/${slip.code}`)).json().status).toBe('confirmed');
    expect(await auditRows(o.h, { action: 'referral.slip_confirmed' })).toEqual([expect.objectContaining({ actor_id: null, resource_id: referral.id, site_id: o.siteId, region_id: o.regionId })]);
  });

  it('refuse an expired slip and a replaced one', async () => {
    const o = await setUpOutreach();
    const { referral, slip } = await referralWithSlip(o);
    const replaced = (await o.nurse.request('POST', `/api/referrals/${referral.id}/slip`)).json().code;
    expect((await publicCall(o.h, 'GET', `/api/slips/${slip.code}`)).statusCode).toBe(404);
    o.h.clock.advance(60 * DAY);
    expect((await publicCall(o.h, 'GET', `/api/slips/${replaced}`)).json().status).toBe('expired');
    const expired = await publicCall(o.h, 'POST', `/api/slips/${replaced}/confirm`);
    expect(expired.statusCode).toBe(410);
    expect(expired.json().error).toMatchObject({ code: 'gone', message: expect.stringMatching(/expired/) });
    const row = await o.h.db.withRawSession((s) => s.query<{ status: string; closed_at: Date | null }>('select status, closed_at from referrals where id = $1', [referral.id]));
    expect(row[0]).toEqual({ status: 'suggested', closed_at: null });
  });

  it('are not issued for a closed referral', async () => {
    const o = await setUpOutreach();
    const view = await record(o.nurse, encounterBody(o, { referrals: [referralBody(o.services.kela!, { status: 'realised' })] }));
    expect((await o.nurse.request('POST', `/api/referrals/${view.referrals[0]!.id}/slip`)).statusCode).toBe(409);
  });

  it('limit look-ups and confirmations per address, whether the codes exist or not', async () => {
    const o = await setUpOutreach();
    const { slip } = await referralWithSlip(o);
    for (let i = 0; i < slipRule.limit; i++) expect((await publicCall(o.h, 'GET', `/api/slips/CCCCCCCCC${i % 10}`, '198.51.100.7')).statusCode).toBe(404);
    const limited = await publicCall(o.h, 'POST', `/api/slips/${slip.code}/confirm`, '198.51.100.7');
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('too_many_requests');
    expect(limited.headers['retry-after']).toBeDefined();
    expect((await publicCall(o.h, 'GET', `/api/slips/${slip.code}`, '198.51.100.8')).statusCode).toBe(200);
    o.h.clock.advance(slipRule.lockMs + 1000);
    expect((await publicCall(o.h, 'POST', `/api/slips/${slip.code}/confirm`, '198.51.100.7')).statusCode).toBe(200);
  });
});
