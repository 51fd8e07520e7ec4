import { describe, expect, it } from 'vitest';
import { CODE_ALPHABET, formatVisitorCode, generateVisitorCode, isValidVisitorCode } from '../../domain/visitor-code.js';
import { loadActor } from '../auth/actor-repo.js';
import { makeRegion, makeSite, makeUser, signIn } from '../testing/harness.js';
import { testEngine } from '../testing/test-db.js';
import { auditRows, encounterBody, issueCode, professionalAt, record, referralBody, setUpOutreach } from '../encounters/test-support.js';
import { issueVisitorCode } from './commands.js';

/** A code with its last (check) character changed: a single-character typo. */
const typo = (code: string) => code.slice(0, -1) + CODE_ALPHABET[(CODE_ALPHABET.indexOf(code.at(-1)!) + 1) % CODE_ALPHABET.length];

describe(`visitor codes on ${testEngine}`, () => {
  it('are issued by professionals and day-centre staff as valid random codes, audited, with no personal data', async () => {
    const o = await setUpOutreach();
    const staff = await signIn(o.h, await makeUser(o.h, o.regionId, [{ role: 'daycentre_staff', siteId: o.siteId }]));
    const codes = [await issueCode(o), await issueCode(o, staff), await issueCode(o, o.socialWorker)];
    expect(codes.every(isValidVisitorCode)).toBe(true);
    expect(new Set(codes).size).toBe(3);
    const row = await o.h.db.withRawSession((s) => s.query<Record<string, unknown>>('select * from visitor_codes where code = $1', [codes[0]]));
    expect(Object.keys(row[0]!).sort()).toEqual(['code', 'issued_at', 'issued_at_site', 'region_id', 'retired_at']);
    expect((await auditRows(o.h, { action: 'visitor_code.issued' })).map((a) => a.resource_id)).toEqual(codes);
  });

  it('tries again when a random code is already taken', async () => {
    const o = await setUpOutreach();
    const actor = (await loadActor(o.h.db.orm, o.nurse.session.user.id))!;
    const fixed = (values: number[]) => { let i = 0; return () => values[i++ % values.length]!; };
    const first = await issueVisitorCode(o.h.deps, { actor, requestId: null }, o.siteId, fixed([0]));
    // the first six draws repeat the taken code, the next six make another
    const sequence = [0, 0, 0, 0, 0, 0, 1, 2, 3, 4, 5, 6];
    const second = await issueVisitorCode(o.h.deps, { actor, requestId: null }, o.siteId, fixed(sequence));
    expect(first).not.toBe(second);
    expect(second.startsWith('CDEFHJ')).toBe(true);
  });

  it('make the first encounter with a code its first visit and later ones repeats, whatever the client says', async () => {
    const o = await setUpOutreach();
    const code = await issueCode(o);
    const first = await record(o.nurse, encounterBody(o, { visitorCode: formatVisitorCode(code).toLowerCase(), isFirstVisit: false }));
    expect(first).toMatchObject({ visitorCode: code, isFirstVisit: true });
    o.h.clock.advance(60_000);
    const repeat = await record(o.socialWorker, encounterBody(o, { visitorCode: code, isFirstVisit: true }));
    expect(repeat.isFirstVisit).toBe(false);
    // an entry made offline earlier and sent late becomes the first visit; the other turns into a repeat
    const late = await record(o.nurse, encounterBody(o, { visitorCode: code, occurredAt: '2026-01-14T09:00:00Z' }));
    expect(late.isFirstVisit).toBe(true);
    expect((await o.nurse.request('GET', `/api/encounters/${first.id}`)).json().isFirstVisit).toBe(false);
    // deleting the earliest makes the next one first again
    expect((await o.nurse.request('DELETE', `/api/encounters/${late.id}`)).statusCode).toBe(204);
    expect((await o.nurse.request('GET', `/api/encounters/${first.id}`)).json().isFirstVisit).toBe(true);
  });

  it('leave exactly one first visit when several encounters with a code arrive at once', async () => {
    const o = await setUpOutreach();
    const code = await issueCode(o);
    const sends = Array.from({ length: 5 }, (_, i) => encounterBody(o, { visitorCode: code, occurredAt: new Date(Date.UTC(2026, 0, 15, 8, 0, i)).toISOString() }));
    const answers = await Promise.all(sends.map((body, i) => (i % 2 ? o.socialWorker : o.nurse).request('POST', '/api/encounters', body)));
    expect(answers.map((a) => a.statusCode)).toEqual([201, 201, 201, 201, 201]);
    const rows = await o.h.db.withRawSession((s) => s.query<{ id: string; is_first_visit: boolean }>('select id, is_first_visit from encounters where visitor_code = $1 order by occurred_at', [code]));
    expect(rows.map((r) => r.is_first_visit)).toEqual([true, false, false, false, false]);
    expect(rows[0]!.id).toBe(sends[0]!.id);
  });

  it('refuse a typo, an unknown code, another region’s code and a retired code on an encounter', async () => {
    const o = await setUpOutreach();
    const code = await issueCode(o);
    const mistyped = await o.nurse.request('POST', '/api/encounters', encounterBody(o, { visitorCode: typo(code) }));
    expect(mistyped.statusCode).toBe(400);
    expect(mistyped.json().error.message).toMatch(/typo/);
    const otherRegion = await makeRegion(o.h);
    const foreignSite = await makeSite(o.h, otherRegion.id);
    const foreignNurse = await professionalAt(o.h, otherRegion.id, foreignSite.id, 'nurse');
    const foreignCode = (await foreignNurse.request('POST', `/api/sites/${foreignSite.id}/visitor-codes`)).json().code;
    expect((await o.nurse.request('POST', '/api/encounters', encounterBody(o, { visitorCode: foreignCode }))).statusCode).toBe(400);
    expect((await o.nurse.request('POST', `/api/visitor-codes/${code}/retire`)).statusCode).toBe(200);
    const retired = await o.nurse.request('POST', '/api/encounters', encounterBody(o, { visitorCode: code }));
    expect(retired.statusCode).toBe(400);
    expect(retired.json().error.message).toMatch(/retired/);
  });

  it('show visits, the last visit day and open referrals to a professional, audited as a person-level read', async () => {
    const o = await setUpOutreach();
    const code = await issueCode(o);
    await record(o.nurse, encounterBody(o, { visitorCode: code, occurredAt: '2026-01-10T10:00:00Z', referrals: [referralBody(o.services.kela!, { memo: 'not shown here' })] }));
    await record(o.nurse, encounterBody(o, { visitorCode: code, occurredAt: '2026-01-14T22:30:00Z', referrals: [referralBody(o.services.health_station!, { status: 'realised' })] }));
    const response = await o.socialWorker.request('GET', `/api/visitor-codes/${formatVisitorCode(code)}`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      code,
      isRetired: false,
      issuedAt: o.h.clock.now().toISOString(),
      visits: 2,
      lastVisitOn: '2026-01-15',
      openReferrals: [{ id: expect.any(String), serviceName: expect.objectContaining({ en: 'Kela (social insurance)' }), status: 'suggested', followUpOn: null }],
    });
    expect(await auditRows(o.h, { action: 'visitor_code.read' })).toEqual([expect.objectContaining({ resource_id: code, actor_id: o.socialWorker.session.user.id })]);
  });

  it('answer a typo with 400, an unknown or foreign code with 404, and other roles with 403', async () => {
    const o = await setUpOutreach();
    const code = await issueCode(o);
    expect((await o.nurse.request('GET', `/api/visitor-codes/${typo(code)}`)).statusCode).toBe(400);
    const unknown = generateVisitorCode(() => 0); // well-formed, never issued here
    expect((await o.nurse.request('GET', `/api/visitor-codes/${unknown}`)).statusCode).toBe(404);
    expect((await o.nurse.request('GET', '/api/visitor-codes/not-a-code')).statusCode).toBe(400);
    const otherRegion = await makeRegion(o.h);
    const foreignNurse = await professionalAt(o.h, otherRegion.id, (await makeSite(o.h, otherRegion.id)).id, 'nurse');
    expect((await foreignNurse.request('GET', `/api/visitor-codes/${code}`)).statusCode).toBe(404);
    expect((await foreignNurse.request('POST', `/api/visitor-codes/${code}/retire`)).statusCode).toBe(404);
    const staff = await signIn(o.h, await makeUser(o.h, o.regionId, [{ role: 'daycentre_staff', siteId: o.siteId }]));
    expect((await staff.request('GET', `/api/visitor-codes/${code}`)).statusCode).toBe(403);
  });

  it('are retired once, audited once, and stay retired', async () => {
    const o = await setUpOutreach();
    const code = await issueCode(o);
    const staff = await signIn(o.h, await makeUser(o.h, o.regionId, [{ role: 'daycentre_staff', siteId: o.siteId }]));
    const first = await staff.request('POST', `/api/visitor-codes/${code}/retire`);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ code, retiredAt: o.h.clock.now().toISOString() });
    o.h.clock.advance(1000);
    const again = await o.nurse.request('POST', `/api/visitor-codes/${code}/retire`);
    expect(again.json().retiredAt).toBe(first.json().retiredAt);
    expect((await o.nurse.request('GET', `/api/visitor-codes/${code}`)).json().isRetired).toBe(true);
    expect((await auditRows(o.h, { action: 'visitor_code.retired' })).map((a) => a.actor_id)).toEqual([staff.session.user.id]);
  });
});
