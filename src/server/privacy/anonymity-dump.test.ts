import { describe, expect, it } from 'vitest';
import { seedDefaultFeedbackForms } from '../feedback/seed.js';
import { encounterBody, referralBody, setUpOutreach } from '../encounters/test-support.js';
import { makeUser, signIn, type Harness } from '../testing/harness.js';
import { testEngine } from '../testing/test-db.js';

// What a visitor's phone, the kiosk tablet and a receiving service's computer send with every request.
const probeAddress = '203.0.113.201';
const probeForwarded = '198.51.100.202';
const probeAgent = 'AnonymityProbe/7.3 (visitor-device-4f1c)';
const probeHeaders = { 'user-agent': probeAgent, 'x-forwarded-for': probeForwarded, 'accept-language': 'sv-FI,sv;q=0.9' };

type Opened = { ticket: string; form: { items: { id: string; kind: string }[] } };

async function publicPost(h: Harness, url: string, payload?: object) {
  const response = await h.app.inject({ method: 'POST', url, headers: probeHeaders, remoteAddress: probeAddress, ...(payload ? { payload } : {}) });
  if (response.statusCode >= 300) throw new Error(`${url} answered ${response.statusCode}: ${response.body}`);
  return response;
}

/** Every row of every table of the database, as text: what a copy of the whole database would hold. */
async function wholeDatabase(h: Harness): Promise<{ tables: string[]; text: string }> {
  return h.db.withRawSession(async (s) => {
    const tables = (await s.query<{ name: string }>(`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`)).map((t) => t.name);
    const parts: string[] = [];
    for (const table of tables) parts.push(JSON.stringify(await s.query(`select * from "${table.replaceAll('"', '""')}"`)));
    return { tables, text: parts.join('\n') };
  });
}

describe(`anonymity over the whole database on ${testEngine}`, () => {
  it('keeps no address, device or browser of a visitor or a receiving service anywhere, and ties no answer to a person', async () => {
    const o = await setUpOutreach();
    const { h } = o;
    await seedDefaultFeedbackForms(h.db.orm, h.deps.ids, o.regionId, h.clock.now());
    const staff = await signIn(h, await makeUser(h, o.regionId, [{ role: 'daycentre_staff', siteId: o.siteId }]));
    const forms = (await staff.request('GET', '/api/feedback/forms')).json<{ forms: { id: string; templateKey: string | null }[] }>().forms;
    const formId = forms.find((f) => f.templateKey === 'pilot_meeting')?.id ?? forms[0]!.id;

    // A visitor answers through a QR link on their own phone.
    const link = (await staff.request('POST', '/api/feedback/links', { formId, context: { siteId: o.siteId } })).json<{ token: string }>();
    const viaLink = (await publicPost(h, `/api/public/feedback/links/${link.token}/open`)).json<Opened>();
    await publicPost(h, '/api/public/feedback/responses', { ticket: viaLink.ticket, locale: 'sv', answers: [{ itemId: viaLink.form.items[0]!.id, score: 5 }] });

    // Another answers on the kiosk tablet the staff member unlocked.
    const kiosk = (await staff.request('POST', '/api/feedback/kiosks', { formId, context: { siteId: o.siteId }, pin: '4826' })).json<{ kioskToken: string }>();
    const viaKiosk = (await publicPost(h, '/api/public/kiosk/open', { kioskToken: kiosk.kioskToken })).json<Opened>();
    await publicPost(h, '/api/public/feedback/responses', { ticket: viaKiosk.ticket, locale: 'fi', answers: [{ itemId: viaKiosk.form.items[0]!.id, score: 3 }] });

    // An anonymous encounter with a referral; the receiving service confirms arrival from the slip.
    const referral = referralBody(o.services.kela!);
    const body = encounterBody(o, { referrals: [referral] });
    const encounter = await o.nurse.request('POST', '/api/encounters', body);
    expect(encounter.statusCode).toBe(201);
    const slip = await o.nurse.request('POST', `/api/referrals/${referral.id}/slip`);
    expect(slip.statusCode, slip.body).toBe(201);
    const { code } = slip.json<{ code: string }>();
    const seen = await h.app.inject({ method: 'GET', url: `/api/slips/${code}`, headers: probeHeaders, remoteAddress: probeAddress });
    expect(seen.statusCode).toBe(200);
    await publicPost(h, `/api/slips/${code}/confirm`);

    const { tables, text } = await wholeDatabase(h);
    expect(tables).toEqual(expect.arrayContaining(['feedback_responses', 'feedback_answers', 'encounters', 'referrals', 'audit_log', 'sessions', 'login_throttle']));
    for (const probe of [probeAddress, probeForwarded, probeAgent, 'visitor-device-4f1c', 'sv-FI']) expect(text, `"${probe}" is stored`).not.toContain(probe);

    // The answers name no one: no user id appears in a response, and the ids carry no time.
    const responses = await h.db.withRawSession((s) => s.query<Record<string, unknown>>('select * from feedback_responses'));
    expect(responses).toHaveLength(2);
    const people = [staff.session.user.id, o.nurse.session.user.id, o.socialWorker.session.user.id];
    for (const id of people) expect(JSON.stringify(responses)).not.toContain(id);
    // The anonymous encounter holds who recorded it (the professional), never anything of the visitor.
    const stored = await h.db.withRawSession((s) => s.query<Record<string, unknown>>('select * from encounters where id = $1', [body.id]));
    expect(stored[0]).toMatchObject({ visitor_code: null });
    expect(Object.keys(stored[0]!).filter((column) => /name|hetu|ssn|identity|address|agent|device|ip/.test(column))).toEqual([]);
  });
});
