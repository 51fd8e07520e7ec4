import { describe, expect, it } from 'vitest';
import { helsinkiDay } from '../../domain/calendar.js';
import { rules, type Rule } from '../../domain/policy/index.js';
import { loadActor } from '../auth/actor-repo.js';
import { routeCatalogue } from '../http/access.js';
import { createHarness, makeRegion, makeSite, makeUser, signIn, type Harness } from '../testing/harness.js';
import { principalRelationKeys, relationCaller, relationKeys, type PrincipalRelationKey, type RelationKey, type RelationWorld } from '../testing/relation-matrix.js';
import { ownRelationCases } from '../own/relation-cases.js';
import { signInPrincipal } from '../own/test-support.js';
import { testEngine } from '../testing/test-db.js';
import { can } from './policy.js';
import { relationCases } from './relation-cases.js';

const DAY = 24 * 60 * 60 * 1000;
type Verb = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

async function world(h: Harness): Promise<RelationWorld> {
  const region = await makeRegion(h);
  const site = await makeSite(h, region.id);
  const at = [{ role: 'professional' as const, siteId: site.id }];
  return {
    h,
    regionId: region.id,
    siteId: site.id,
    // The creator registers clients too, which is for the social-welfare register's professions.
    staff: { creator: await makeUser(h, region.id, at, 'social_worker'), colleague: await makeUser(h, region.id, at, 'nurse'), bystander: await makeUser(h, region.id, at, 'social_worker') },
  };
}

/** Routes whose rule decides by the resource's relationships: these must have relationship cases. */
function personLevelRoutes(h: Harness): string[] {
  return routeCatalogue(h.app)
    .filter((r) => r.access.access === 'action' && (((rules[r.access.action] as Rule).only ?? (rules[r.access.action] as Rule).also) !== undefined))
    .map((r) => `${r.method} ${r.url}`)
    .sort();
}

/** Principal routes that show a client's data: every one but the principal's own session. */
function principalPersonLevelRoutes(h: Harness): string[] {
  return routeCatalogue(h.app)
    .filter((r) => r.access.access === 'principal' && r.url !== '/api/own/session')
    .map((r) => `${r.method} ${r.url}`)
    .sort();
}

describe(`route × relationship policy on ${testEngine}`, () => {
  it('has relationship cases for every served route whose rule depends on a relationship, and only for served routes', async () => {
    const h = await createHarness();
    const served = routeCatalogue(h.app).map((r) => `${r.method} ${r.url}`);
    const withCases = Object.keys(relationCases);
    expect(withCases.filter((key) => !served.includes(key))).toEqual([]);
    const missing = personLevelRoutes(h).filter((key) => !withCases.includes(key));
    expect(missing).toEqual([]);
    // The check is not vacuous: edit and delete are narrowed by relationships today.
    expect(personLevelRoutes(h)).toEqual(expect.arrayContaining(['PATCH /api/encounters/:encounterId', 'DELETE /api/encounters/:encounterId']));
    // The clients' and external members' routes: every one that shows a client's data has principal cases.
    expect(Object.keys(ownRelationCases).sort()).toEqual(principalPersonLevelRoutes(h));
    expect(principalPersonLevelRoutes(h).length).toBeGreaterThan(0);
  });

  it('answers every principal route × a client, another client, an external member with and without a grant as the rules decide, and a staff session 401', async () => {
    const h = await createHarness();
    const w = await world(h);
    const outcomes: string[] = [];
    const tally = { allowed: 0, refused: 0 };
    const staff = await signIn(h, w.staff.creator, '10.89.0.1');
    for (const [key, entry] of Object.entries(ownRelationCases)) {
      const method = key.slice(0, key.indexOf(' ')) as 'GET';
      for (const relation of principalRelationKeys) {
        const subject = await entry.subject(w);
        const principal = subject.callers[relation];
        const allowed = can(principal, entry.action, await subject.facts(), { today: helsinkiDay(h.clock.now()) });
        const expected = entry.listContains ? (allowed ? 'listed' : 'not listed') : allowed ? '2xx' : String(entry.refusals?.[relation] ?? 404);
        const response = await (await signInPrincipal(h, principal)).request(method, subject.request.url);
        const status = response.statusCode >= 200 && response.statusCode < 300 ? '2xx' : String(response.statusCode);
        const actual = entry.listContains && status === '2xx' ? (entry.listContains(response.json(), subject.id) ? 'listed' : 'not listed') : status;
        tally[allowed ? 'allowed' : 'refused'] += 1;
        outcomes.push(`${key} as ${relation}: ${actual === expected ? 'ok' : `expected ${expected}, got ${actual} ${response.body.slice(0, 160)}`}`);
        if (relation === 'client') {
          // The client's own worker, with a staff session, cannot open the client's route.
          const asStaff = await staff.request(method, subject.request.url);
          outcomes.push(`${key} as staff: ${asStaff.statusCode === 401 ? 'ok' : `expected 401, got ${asStaff.statusCode}`}`);
        }
      }
    }
    expect(outcomes.filter((o) => !o.endsWith(': ok'))).toEqual([]);
    expect(outcomes.length).toBe(Object.keys(ownRelationCases).length * (principalRelationKeys.length + 1));
    expect(tally.allowed).toBeGreaterThan(0);
    expect(tally.refused).toBeGreaterThan(0);
  }, 240_000);

  it('states today\'s principal answers, for review', async () => {
    const h = await createHarness();
    const w = await world(h);
    const answers: Record<string, Record<PrincipalRelationKey, boolean>> = {};
    for (const [key, entry] of Object.entries(ownRelationCases)) {
      const subject = await entry.subject(w);
      const facts = await subject.facts();
      answers[key] = Object.fromEntries(principalRelationKeys.map((relation) => [relation, can(subject.callers[relation], entry.action, facts, { today: helsinkiDay(h.clock.now()) })])) as Record<PrincipalRelationKey, boolean>;
    }
    // The client and an external member their consent names see the client; only the client sees the log.
    const seesClient = { client: true, another_client: false, external_with_grant: true, external_without_grant: false };
    expect(answers).toEqual({
      'GET /api/own/clients': seesClient,
      'GET /api/own/clients/:clientId': seesClient,
      'GET /api/own/clients/:clientId/access-log': { client: true, another_client: false, external_with_grant: false, external_without_grant: false },
    });
  });

  it('answers every person-level route × relationship as the rules decide on the stored facts', async () => {
    const h = await createHarness();
    const w = await world(h);
    const outcomes: string[] = [];
    const tally = { allowed: 0, refused: 0 };
    for (const [key, entry] of Object.entries(relationCases)) {
      const method = key.slice(0, key.indexOf(' ')) as Verb;
      // Same-day relations first; a later-day one moves the clock, and what is made after it is that day's.
      for (const relation of relationKeys) {
        const { who, nextDay } = relationCaller[relation];
        const subject = await entry.subject(w);
        if (nextDay) h.clock.advance(DAY);
        const facts = await subject.facts();
        const user = w.staff[who];
        const actor = (await loadActor(h.deps.db.orm, user.id))!;
        const allowed = can(actor, entry.action, facts, { today: helsinkiDay(h.clock.now()) });
        const expected = entry.listContains ? (allowed ? 'listed' : 'not listed') : allowed ? '2xx' : String(entry.refusals?.[relation] ?? 403);
        // A fresh sign-in for each call: a day's wait would have ended an idle session.
        const client = await signIn(h, user, `10.88.${outcomes.length % 250}.${Math.floor(outcomes.length / 250) + 1}`);
        const response = await client.request(method, subject.request.url, subject.request.body);
        const status = response.statusCode >= 200 && response.statusCode < 300 ? '2xx' : String(response.statusCode);
        const actual = entry.listContains && status === '2xx' ? (entry.listContains(response.json(), subject.id!) ? 'listed' : 'not listed') : status;
        tally[allowed ? 'allowed' : 'refused'] += 1;
        outcomes.push(`${key} as ${relation}: ${actual === expected ? 'ok' : `expected ${expected}, got ${actual} ${response.body.slice(0, 160)}`}`);
      }
    }
    expect(outcomes.filter((o) => !o.endsWith(': ok'))).toEqual([]);
    expect(outcomes.length).toBe(Object.keys(relationCases).length * relationKeys.length);
    // Both answers occur: the rules are not all-yes or all-no over these relations.
    expect(tally.allowed).toBeGreaterThan(0);
    expect(tally.refused).toBeGreaterThan(0);
  }, 240_000);

  it('states today\'s answers, so a change to the rules shows up here as well as in the generated cases', async () => {
    // The generated cases above follow the rules; this table is what the rules say now, for review.
    const h = await createHarness();
    const w = await world(h);
    const answers: Record<string, Record<RelationKey, boolean>> = {};
    for (const [key, entry] of Object.entries(relationCases)) {
      answers[key] = {} as Record<RelationKey, boolean>;
      const subject = await entry.subject(w);
      const facts = await subject.facts();
      for (const relation of relationKeys) {
        const { who, nextDay } = relationCaller[relation];
        const actor = (await loadActor(h.deps.db.orm, w.staff[who].id))!;
        const today = helsinkiDay(new Date(h.clock.now().getTime() + (nextDay ? DAY : 0)));
        answers[key][relation] = can(actor, entry.action, facts, { today });
      }
    }
    // The own worker and the care team, on any day; never another worker of the same site.
    const worksWithClient = { creator: true, creator_next_day: true, listed_professional: true, listed_next_day: true, same_site_professional: false };
    const assignedOnly = { creator: false, creator_next_day: false, listed_professional: true, listed_next_day: true, same_site_professional: false };
    expect(answers).toEqual({
      'GET /api/encounters/:encounterId': { creator: true, creator_next_day: true, listed_professional: true, listed_next_day: true, same_site_professional: true },
      'PATCH /api/encounters/:encounterId': { creator: true, creator_next_day: true, listed_professional: true, listed_next_day: true, same_site_professional: false },
      'DELETE /api/encounters/:encounterId': { creator: true, creator_next_day: false, listed_professional: false, listed_next_day: false, same_site_professional: false },
      'GET /api/clients': worksWithClient,
      'GET /api/clients/due': worksWithClient,
      'GET /api/clients/:clientId': worksWithClient,
      'PATCH /api/clients/:clientId': worksWithClient,
      'PUT /api/clients/:clientId/care-team': worksWithClient,
      'POST /api/clients/:clientId/consents': worksWithClient,
      'POST /api/clients/:clientId/consents/:consentId/revoke': worksWithClient,
      'POST /api/clients/:clientId/visitor-codes': worksWithClient,
      'POST /api/clients/:clientId/process/events': worksWithClient,
      'GET /api/clients/:clientId/record': worksWithClient,
      'POST /api/clients/:clientId/invitations': worksWithClient,
      // A draft observation is its author's alone, on any day.
      'PATCH /api/structural/observations/:observationId': { creator: true, creator_next_day: true, listed_professional: false, listed_next_day: false, same_site_professional: false },
      'POST /api/structural/observations/:observationId/submit': { creator: true, creator_next_day: true, listed_professional: false, listed_next_day: false, same_site_professional: false },
      // An ask-for-help request: a professional of a site sees it only when it is assigned to them, on any day.
      'GET /api/help-requests': assignedOnly,
      'GET /api/help-requests/counts': assignedOnly,
      'GET /api/help-requests/:requestId': assignedOnly,
      'PATCH /api/help-requests/:requestId': assignedOnly,
      'POST /api/help-requests/:requestId/notes': assignedOnly,
      'POST /api/help-requests/:requestId/replies': assignedOnly,
      // The tray is kept by coordinators and managers: a professional is refused even as the responsible person.
      ...Object.fromEntries(
        ['GET /api/tray/services/overdue', 'PUT /api/tray/services/:serviceId/draft', 'POST /api/tray/services/:serviceId/publish', 'POST /api/tray/services/:serviceId/review', 'POST /api/tray/services/:serviceId/archive', 'PATCH /api/tray/services/:serviceId/editorial']
          .map((key) => [key, { creator: false, creator_next_day: false, listed_professional: false, listed_next_day: false, same_site_professional: false }]),
      ),
      // Only a manager linked to the observation's municipality answers: no professional, whoever filed it.
      'POST /api/structural/observations/:observationId/answer': { creator: false, creator_next_day: false, listed_professional: false, listed_next_day: false, same_site_professional: false },
    });
  });
});
