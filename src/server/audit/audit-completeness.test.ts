import { describe, expect, it } from 'vitest';
import { routeCatalogue } from '../http/access.js';
import { routeCases } from '../policy/route-cases.js';
import { createHarness, signIn, type Harness } from '../testing/harness.js';
import { freshClient } from '../clients/policy-cases.js';
import { clientPrincipal, signInPrincipal } from '../own/test-support.js';
import { setUpRoleFixture, type Fixture, type PolicyCase, type PolicyRequest, type RoleKey } from '../testing/policy-matrix.js';
import { createPrincipalSession, PRINCIPAL_SESSION_COOKIE } from '../invitations/principal-sessions.js';
import { testEngine } from '../testing/test-db.js';

/**
 * GET routes that show person-level data (about a visitor, a staff member or the audit trail itself)
 * and so must leave an audit row. Every other GET must be listed in `notPersonLevel` with the reason;
 * a new GET route in neither list fails the suite, so nobody ships a read without deciding.
 */
const personLevelReads = new Set([
  'GET /api/users',
  'GET /api/users/:userId',
  'GET /api/audit',
  'GET /api/sites/:siteId/encounters',
  'GET /api/encounters/:encounterId',
  'GET /api/sites/:siteId/encounters/for-correction',
  'GET /api/visitor-codes/:code',
  'GET /api/sites/:siteId/follow-ups',
  'GET /api/group-sessions/:sessionId/attendance',
  'GET /api/clients',
  'GET /api/clients/due',
  'GET /api/clients/:clientId',
  'GET /api/clients/:clientId/record',
  // A client's or external member's own pages: called as a client (see below).
  'GET /api/own/clients',
  'GET /api/own/clients/:clientId',
  'GET /api/own/clients/:clientId/access-log',
  // Structural social work: no client identifiers, but the reporters, supporters and answerers are named.
  'GET /api/structural/observations',
  'GET /api/structural/observations/:observationId',
  'GET /api/structural/quarterly',
  // Ask for help: the guidance team's inbox and each request (the sender's own reads are POSTs, audited too).
  'GET /api/help-requests',
  'GET /api/help-requests/:requestId',
  'GET /api/structural/yearly',
  'GET /api/structural/notices',
  // The managers linked to a municipality: staff named.
  'GET /api/municipalities/:code/managers',
]);

const notPersonLevel: Record<string, string> = {
  'GET /api/health': 'liveness only',
  'GET /api/auth/me': 'the caller reading their own profile',
  'GET /api/auth/methods': 'which sign-in methods the sign-in page offers: no person in it',
  'GET /api/regions': 'organisation structure',
  'GET /api/sites': 'organisation structure',
  'GET /api/sites/:siteId': 'organisation structure',
  'GET /api/units': 'organisation structure',
  'GET /api/codes': 'reference data',
  'GET /api/services': 'reference data',
  'GET /api/municipalities': 'reference data: codes and names of the region\'s municipalities',
  'GET /api/sites/:siteId/sessions': 'the schedule: times, rooms and the staff on duty, no visitor data',
  'GET /api/sessions/mine': 'the caller’s own schedule',
  'GET /api/sessions/:sessionId': 'the schedule: times, rooms and the staff on duty, no visitor data',
  'GET /api/sites/:siteId/colleagues': 'staff directory: names and professions of colleagues',
  'GET /api/public/sites/:siteId/announcements': 'public: professions and times only',
  'GET /api/public/addresses/:slug/announcements': 'public: the same page found by its short address',
  'GET /api/sites/:siteId/encounters/summary': 'counts only',
  'GET /api/sites/:siteId/daylog': 'counts of meals and visitors, no person data',
  'GET /api/sites/:siteId/daylog/trend': 'counts only',
  'GET /api/slips/:code': 'public: the target service and date only',
  'GET /api/sites/:siteId/group-series': 'group plans: names, times, facilitator roles',
  'GET /api/group-series/:seriesId': 'group plans: names, times, facilitator roles',
  'GET /api/group-series/:seriesId/statistics': 'attendance counts only',
  'GET /api/feedback/forms': 'form definitions',
  'GET /api/feedback/forms/:formId': 'form definitions',
  'GET /api/feedback/forms/:formId/results': 'aggregates; showing open answers writes its own audit row',
  'GET /api/sites/:siteId/feedback/kiosks': 'collection settings',
  'GET /api/sites/:siteId/feedback/links': 'collection settings',
  'GET /api/feedback/alarms': 'collection settings: which links and kiosks reached their quota',
  'GET /api/reports': 'aggregates with small counts suppressed; the exact view and open answers write their own audit row',
  'GET /api/reports/comparison': 'two reports of aggregates published together; the exact view and open answers write their own audit rows',
  'GET /api/pilots': 'pilot plans: names, sites, periods',
  'GET /api/pilots/:pilotId': 'pilot plans and evaluation phases: staff work, no visitor data',
  'GET /api/clients/due-counts': 'counts of due and overdue steps per clock, no client named',
  'GET /api/indicators': 'published area statistics (Sotkanet, Statistics Finland): no person in them',
  'GET /api/own/session': 'the client\'s or external member\'s own session: their name and kind',
  'GET /api/public/chat/regions/:regionId/status': 'public: whether the chat is open, its next opening and queue length',
  'GET /api/public/chat/visits/:visitToken': 'public: the anonymous visitor\'s own chat state, by its secret token',
  'GET /api/public/chat/visits/:visitToken/stream': 'public: the anonymous visitor\'s own chat, by its secret token',
  'GET /api/chat/console': 'the chat queue and the caller\'s own anonymous chats: no person is named',
  'GET /api/chat/chats/:chatId/stream': 'the caller\'s own anonymous chat: no person is named; taking it is audited',
  'GET /api/chat/settings': 'the chat\'s hours, ready answers and rota (staff ids)',
  'GET /api/chat/report': 'counts of anonymous chats only',
  'GET /api/public/help/regions/:regionId': 'public: the region\'s name and the promised answer time',
  'GET /api/help-requests/counts': 'counts of open, unassigned and overdue requests, none named',
  'GET /api/public/good-practices': 'public: published descriptions of practices, no client data',
  'GET /api/public/good-practices/:practiceId': 'public: a published description of a practice, no client data',
  'GET /api/good-practices': 'descriptions of practices written for publication, no client data',
  'GET /api/good-practices/:practiceId': 'a description of a practice written for publication, no client data',
  // The service tray: descriptions of services, no client data (rule 6.3.5); staff names only as the editors.
  'GET /api/tray/services': 'service descriptions and their editorial state; the editors named as in the staff directory',
  'GET /api/tray/services/overdue': 'service descriptions past their review day',
  'GET /api/tray/services/:serviceId': 'a service description and its versions; the editors named as in the staff directory',
  'GET /api/tray/services/:serviceId/versions/:version': 'an earlier version of a service description',
  'GET /api/tray/organizations': 'reference data: organisations that organise and produce services',
  'GET /api/public/hsds/services': 'public: published service descriptions (HSDS)',
  'GET /api/public/hsds/services/:id': 'public: a published service description (HSDS)',
  'GET /api/public/hsds/organizations': 'public: organisations of published services (HSDS)',
  'GET /api/public/hsds/organizations/:id': 'public: an organisation of a published service (HSDS)',
  'GET /api/public/hsds/locations': 'public: locations of published services (HSDS)',
  'GET /api/public/hsds/locations/:id': 'public: a location of a published service (HSDS)',
  'GET /api/public/hsds/service_at_locations': 'public: services at their locations, with opening hours (HSDS)',
  'GET /api/public/hsds/service_at_locations/:id': 'public: a service at a location, with opening hours (HSDS)',
  'GET /api/public/hsds/taxonomies': 'public: the tray\'s five categories as a taxonomy (HSDS)',
  'GET /api/public/hsds/taxonomies/:id': 'public: the tray\'s taxonomy (HSDS)',
  'GET /api/public/hsds/taxonomy_terms': 'public: the five categories (HSDS)',
  'GET /api/public/hsds/taxonomy_terms/:id': 'public: one category (HSDS)',
};

/** Changes that are exempt, each with the reason; everything else that changes state must audit. */
const changesWithoutAudit: Record<string, string> = {
  // An audit row's exact time (and its increasing id) would restore the answer time that anonymous
  // feedback deliberately drops to the day.
  'POST /api/public/feedback/responses': 'anonymous feedback: time kept to the day',
  'POST /api/public/kiosk/open': 'anonymous feedback: opening the next answer sheet',
  'POST /api/public/feedback/links/:token/open': 'anonymous feedback: opening the answer sheet',
  // A WebAuthn challenge is handed out and nothing else happens; the redemption or sign-in that answers
  // it is audited, and so is every refused code.
  'POST /api/principal/passkey/register/options': 'hands out a challenge for a valid code; refusals are audited',
  'POST /api/principal/passkey/sign-in/options': 'hands out a challenge; the sign-in answering it is audited',
  // The anonymous chat's visitor: an audit row's exact time and request id would be a trace of them.
  'POST /api/public/chat/regions/:regionId/chats': 'anonymous chat: the visitor is no one, only tallies are kept',
  'POST /api/public/chat/visits/:visitToken/messages': 'anonymous chat: the visitor is no one, only tallies are kept',
  'POST /api/public/chat/visits/:visitToken/end': 'anonymous chat: the visitor is no one, only tallies are kept',
  'POST /api/public/chat/visits/:visitToken/feedback': 'anonymous chat feedback, as anonymous feedback forms',
  'POST /api/chat/chats/:chatId/messages': 'a message in an anonymous chat the worker has taken (audited): no person\'s data is read or changed',
};

const isChange = (method: string) => method !== 'GET';

/** A request as a client signed in with a session of their own (the routes of `allow: 'principal'`). */
async function asPrincipal(h: Harness, regionId: string, method: string, request: PolicyRequest) {
  const principal = { kind: 'client' as const, clientId: h.deps.ids.newId(), regionId, displayName: 'Asiakas' };
  const session = await createPrincipalSession(h.db.orm, h.deps, principal);
  return h.app.inject({
    method: method as 'GET' | 'POST',
    url: request.url,
    cookies: { [PRINCIPAL_SESSION_COOKIE]: session.token },
    headers: method === 'GET' ? {} : { 'x-csrf-token': session.csrfToken },
    ...(request.body === undefined ? {} : { payload: request.body as object }),
  });
}


/**
 * A principal route, called as the client its request is about (the client id in its URL), or as a fresh
 * client of the fixture when the URL names none: the answer must be a success and leave an audit row.
 */
async function principalCallAudits(h: Harness, base: Awaited<ReturnType<typeof setUpRoleFixture>>, key: string, method: string, entry: PolicyCase, unique: string): Promise<string | null> {
  const fixture: Fixture = { h, ...base, caller: null, role: 'anonymous', unique };
  const request = await entry.request(fixture);
  const clientId = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i.exec(request.url)?.[0] ?? (await freshClient(fixture));
  const client = await signInPrincipal(h, clientPrincipal(clientId, base.regionId));
  const before = await auditCount(h);
  const response = await client.request(method as 'GET' | 'DELETE', request.url);
  if (response.statusCode >= 300) return `${key}: the case's request failed as the client (${response.statusCode})`;
  return (await auditCount(h)) > before ? null : `${key} as the client: no audit row`;
}

const auditCount = async (h: Harness): Promise<number> =>
  Number((await h.db.withRawSession((s) => s.query<{ n: string }>('select count(*)::text as n from audit_log')))[0]!.n);

describe(`audit completeness on ${testEngine}`, () => {
  it('classifies every GET route as a person-level read or not, with a reason', async () => {
    const h = await createHarness();
    const reads = routeCatalogue(h.app).filter((r) => r.method === 'GET').map((r) => `${r.method} ${r.url}`);
    const unclassified = reads.filter((key) => !personLevelReads.has(key) && !(key in notPersonLevel));
    expect(unclassified).toEqual([]);
    const stale = [...personLevelReads, ...Object.keys(notPersonLevel)].filter((key) => !reads.includes(key));
    expect(stale).toEqual([]);
  });

  it('writes an audit row for every change and every person-level read the route list has', async () => {
    const h = await createHarness();
    const base = await setUpRoleFixture(h);
    const missing: string[] = [];
    let calls = 0;
    for (const route of routeCatalogue(h.app)) {
      const key = `${route.method} ${route.url}`;
      const mustAudit = isChange(route.method) ? !(key in changesWithoutAudit) : personLevelReads.has(key);
      if (!mustAudit) continue;
      const entry = routeCases[key];
      if (!entry) throw new Error(`no route case for ${key}`);
      if (entry.principalRoute) {
        const problem = await principalCallAudits(h, base, key, route.method, entry, `audit-${++calls}`);
        if (problem) missing.push(problem);
        continue;
      }
      if (entry.allow === 'principal') {
        const request = await entry.request({ h, ...base, caller: null, role: 'anonymous', unique: `audit-${++calls}` });
        const before = await auditCount(h);
        const response = await asPrincipal(h, base.regionId, route.method, request);
        if (response.statusCode >= 300) missing.push(`${key}: the case's request failed (${response.statusCode})`);
        else if ((await auditCount(h)) <= before) missing.push(`${key} as a client: no audit row`);
        continue;
      }
      const role: RoleKey = entry.allow === 'public' ? 'anonymous' : entry.allow[0]!;
      const caller = role === 'anonymous' ? null : base.users[role];
      const fixture: Fixture = { h, ...base, caller, role, unique: `audit-${++calls}` };
      const request = await entry.request(fixture);
      const client = caller ? await signIn(h, caller, `10.78.${Math.floor(calls / 250)}.${calls % 250}`) : null;
      const before = await auditCount(h);
      const verb = route.method as 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
      const response = client
        ? await client.request(verb, request.url, request.body)
        : await h.app.inject({ method: verb, url: request.url, ...(request.body === undefined ? {} : { payload: request.body as object }) });
      if (response.statusCode >= 300) {
        missing.push(`${key}: the case's request failed (${response.statusCode})`);
        continue;
      }
      if ((await auditCount(h)) <= before) missing.push(`${key} as ${role}: no audit row`);
    }
    expect(missing).toEqual([]);

    // Every audited route has now run once: no row they wrote names a person. Audit rows carry ids; the
    // pages that show them look names up when read (staff, external members and clients alike).
    const raw = (sql: string) => h.db.withRawSession((s) => s.query<Record<string, unknown>>(sql));
    const names = [
      ...(await raw('select display_name as name from users')),
      ...(await raw('select display_name as name from external_members')),
      ...(await raw('select name from clients')),
    ].map((r) => String(r.name));
    expect(names.length).toBeGreaterThan(10);
    const rows = (await raw('select * from audit_log')).map((r) => JSON.stringify(r));
    expect(rows.length).toBeGreaterThan(calls);
    const leaks = rows.flatMap((row) => names.filter((name) => row.includes(name)).map((name) => `${name} in ${row.slice(0, 200)}`));
    expect(leaks).toEqual([]);
  }, 240_000);
});
