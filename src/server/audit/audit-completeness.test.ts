import { describe, expect, it } from 'vitest';
import { routeCatalogue } from '../http/access.js';
import { routeCases } from '../policy/route-cases.js';
import { createHarness, signIn, type Harness } from '../testing/harness.js';
import { setUpRoleFixture, type Fixture, type RoleKey } from '../testing/policy-matrix.js';
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
  // Structural social work: no client identifiers, but the reporters, supporters and answerers are named.
  'GET /api/structural/observations',
  'GET /api/structural/observations/:observationId',
  'GET /api/structural/quarterly',
]);

const notPersonLevel: Record<string, string> = {
  'GET /api/health': 'liveness only',
  'GET /api/auth/me': 'the caller reading their own profile',
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
};

/** Changes that are exempt, each with the reason; everything else that changes state must audit. */
const changesWithoutAudit: Record<string, string> = {
  // An audit row's exact time (and its increasing id) would restore the answer time that anonymous
  // feedback deliberately drops to the day.
  'POST /api/public/feedback/responses': 'anonymous feedback: time kept to the day',
  'POST /api/public/kiosk/open': 'anonymous feedback: opening the next answer sheet',
  'POST /api/public/feedback/links/:token/open': 'anonymous feedback: opening the answer sheet',
};

const isChange = (method: string) => method !== 'GET';


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
  }, 240_000);
});
