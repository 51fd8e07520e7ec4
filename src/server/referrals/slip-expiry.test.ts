import { describe, expect, it } from 'vitest';
import { testEngine } from '../testing/test-db.js';
import { auditRows, encounterBody, record, referralBody, setUpOutreach, type Outreach } from '../encounters/test-support.js';
import { SLIP_VALID_DAYS } from './slip.js';

// The browser test cannot move the server's clock, so the slip page's "expired" answers are pinned here:
// the exact moment a slip stops working, and what the public API then says.
const validMs = SLIP_VALID_DAYS * 86_400_000;
const desk = '203.0.113.5';

async function slipFor(o: Outreach): Promise<{ referralId: string; code: string }> {
  const view = await record(o.nurse, encounterBody(o, { referrals: [referralBody(o.services.kela!)] }));
  const referralId = view.referrals[0]!.id;
  const issued = await o.nurse.request('POST', `/api/referrals/${referralId}/slip`);
  expect(issued.statusCode).toBe(201);
  return { referralId, code: issued.json<{ code: string }>().code };
}

describe(`referral slip expiry on ${testEngine}`, () => {
  it('works until the last millisecond of its validity and is expired from that moment on', async () => {
    const o = await setUpOutreach();
    const early = await slipFor(o);
    const late = await slipFor(o);
    const call = (method: 'GET' | 'POST', code: string, suffix = '') => o.h.app.inject({ method, url: `/api/slips/${code}${suffix}`, remoteAddress: desk });

    o.h.clock.advance(validMs - 1);
    expect((await call('GET', late.code)).json().status).toBe('open');
    const inTime = await call('POST', early.code, '/confirm');
    expect(inTime.statusCode).toBe(200);
    expect(inTime.json()).toMatchObject({ status: 'confirmed', serviceName: { fi: 'Kela' } });

    o.h.clock.advance(1);
    const looked = await call('GET', late.code);
    expect(looked.statusCode).toBe(200);
    expect(looked.json()).toEqual({ serviceName: { fi: 'Kela', sv: 'FPA', en: 'Kela (social insurance)' }, referredOn: '2026-01-15', status: 'expired' });
    const tooLate = await call('POST', late.code, '/confirm');
    expect(tooLate.statusCode).toBe(410);
    expect(tooLate.json().error.code).toBe('gone');
    // A confirmed slip stays "confirmed" (the page says "already used"), not "expired", after the period.
    expect((await call('GET', early.code)).json().status).toBe('confirmed');

    const rows = await o.h.db.withRawSession((s) =>
      s.query<{ id: string; status: string; closed_at: Date | null }>('select id, status, closed_at from referrals where id = any($1) order by id', [[early.referralId, late.referralId]]),
    );
    expect(rows.find((r) => r.id === late.referralId)).toMatchObject({ status: 'suggested', closed_at: null });
    expect(rows.find((r) => r.id === early.referralId)).toMatchObject({ status: 'realised' });
    expect((await auditRows(o.h, { action: 'referral.slip_confirmed' })).map((a) => a.resource_id)).toEqual([early.referralId]);
  });
});
