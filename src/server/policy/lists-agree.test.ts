import { sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { describe, expect, it } from 'vitest';
import type { Action } from '../../domain/policy/index.js';
import { loadActor } from '../auth/actor-repo.js';
import { listServices } from '../codes/commands.js';
import { rowsOf } from '../db/connect.js';
import { encounterFacts, ruleTimeAt } from '../encounters/encounter-access.js';
import { recordEncounter } from '../encounters/create-encounter.js';
import { listEncountersOfDay } from '../encounters/read-encounters.js';
import { encounterCreateSchema } from '../encounters/schemas.js';
import { listFollowUps } from '../referrals/commands.js';
import { issueVisitorCode } from '../visitor-codes/commands.js';
import { createHarness, makeRegion, makeSite, makeUser, type Harness, type TestUser } from '../testing/harness.js';
import { testEngine } from '../testing/test-db.js';
import { encounterColumns, referralColumns } from './fact-columns.js';
import { can, conditionFor, type Actor } from './policy.js';
import { compileCondition } from './sql.js';

// Item 1 of issue 18: a list is filtered by the same rule that decides one resource, compiled to SQL.
// These tests build real encounters and referrals (two sites, two days, joint and single entries) and
// check, for every actor and person-level action, that the compiled list holds exactly the rows that
// `can` allows one by one, and that the list commands show only such rows.

const DAY = 24 * 60 * 60 * 1000;

type World = {
  h: Harness;
  regionId: string;
  sites: [string, string];
  actors: Record<'nurseA' | 'socialA' | 'nurseB' | 'coordinator' | 'regionNurse' | 'otherRegionNurse', Actor>;
  days: [string, string];
};

async function actorOf(h: Harness, user: TestUser): Promise<Actor> {
  const actor = await loadActor(h.deps.db.orm, user.id);
  if (!actor) throw new Error('no actor');
  return actor;
}

async function build(): Promise<World> {
  const h = await createHarness();
  const region = await makeRegion(h);
  const other = await makeRegion(h);
  const [a, b] = [await makeSite(h, region.id), await makeSite(h, region.id)];
  const otherSite = await makeSite(h, other.id);
  const users = {
    nurseA: await makeUser(h, region.id, [{ role: 'professional', siteId: a.id }], 'nurse'),
    socialA: await makeUser(h, region.id, [{ role: 'professional', siteId: a.id }], 'social_worker'),
    nurseB: await makeUser(h, region.id, [{ role: 'professional', siteId: b.id }], 'nurse'),
    coordinator: await makeUser(h, region.id, [{ role: 'coordinator', siteId: null }]),
    regionNurse: await makeUser(h, region.id, [{ role: 'professional', siteId: null }], 'nurse'),
    otherRegionNurse: await makeUser(h, other.id, [{ role: 'professional', siteId: otherSite.id }], 'nurse'),
  };
  const actors = Object.fromEntries(await Promise.all(Object.entries(users).map(async ([k, u]) => [k, await actorOf(h, u)]))) as World['actors'];
  const days: string[] = [];
  for (let d = 0; d < 2; d++) {
    days.push(ruleTimeAt(h.clock.now()).today);
    const entries: [Actor, string, Actor[], boolean][] = [
      [actors.nurseA, a.id, [], true],
      [actors.nurseA, a.id, [actors.socialA], false],
      [actors.socialA, a.id, [], true],
      [actors.nurseB, b.id, [], true],
      [actors.regionNurse, b.id, [actors.nurseB], true],
      [actors.otherRegionNurse, otherSite.id, [], true],
    ];
    for (const [by, siteId, withOthers, withReferral] of entries) {
      const ctx = { actor: by, requestId: null };
      const [service] = await listServices(h.deps, by);
      const code = await issueVisitorCode(h.deps, ctx, siteId);
      const input = encounterCreateSchema.parse({
        id: uuidv7(),
        siteId,
        occurredAt: h.clock.now().toISOString(),
        visitorCode: code,
        professionalIds: [by.userId, ...withOthers.map((o) => o.userId)],
        referrals: withReferral ? [{ id: uuidv7(), serviceId: service!.id, way: 'advised' }] : [],
      });
      await recordEncounter(h.deps, ctx, input);
    }
    h.clock.advance(DAY);
  }
  return { h, regionId: region.id, sites: [a.id, b.id], actors, days: days as [string, string] };
}

type EncounterFactsRow = { id: string; region_id: string; site_id: string; created_by: string; created_at: Date | string; pros: string[] };

async function allEncounters(w: World) {
  const rows = rowsOf<EncounterFactsRow>(
    await w.h.db.orm.execute(sql`select e.id, e.region_id, e.site_id, e.created_by, e.created_at,
      coalesce((select array_agg(ep.user_id::text) from encounter_professionals ep where ep.encounter_id = e.id), '{}') as pros
      from encounters e order by e.id`),
  );
  return rows.map((r) => ({ id: r.id, facts: encounterFacts({ regionId: r.region_id, siteId: r.site_id, createdBy: r.created_by, createdAt: new Date(r.created_at) }, r.pros) }));
}

const encounterActions: Action[] = ['encounter.read', 'encounter.update', 'encounter.delete', 'encounter.correct', 'encounter.create'];
const referralActions: Action[] = ['referral.read', 'referral.update', 'referral.read_memo'];

describe(`lists and single decisions agree on ${testEngine}`, () => {
  it('selects exactly the encounters and referrals that `can` allows, for every actor, action and day', async () => {
    const w = await build();
    const encounters = await allEncounters(w);
    const referrals = rowsOf<{ id: string; region_id: string; site_id: string; created_by: string; created_at: Date | string }>(
      await w.h.db.orm.execute(sql`select id, region_id, site_id, created_by, created_at from referrals order by id`),
    );
    expect(encounters.length).toBe(12);
    expect(referrals.length).toBe(10);
    let allowedSomewhere = 0;
    for (const actor of Object.values(w.actors)) {
      for (const today of w.days) {
        const time = { today };
        for (const action of encounterActions) {
          const where = compileCondition(conditionFor(actor, action, time), encounterColumns);
          const listed = rowsOf<{ id: string }>(await w.h.db.orm.execute(sql`select id from encounters where ${where} order by id`)).map((r) => r.id);
          const decided = encounters.filter((e) => can(actor, action, e.facts, time)).map((e) => e.id);
          expect({ actor: actor.displayName, action, today, listed }).toEqual({ actor: actor.displayName, action, today, listed: decided });
          allowedSomewhere += decided.length;
        }
        for (const action of referralActions) {
          const where = compileCondition(conditionFor(actor, action, time), referralColumns);
          const listed = rowsOf<{ id: string }>(await w.h.db.orm.execute(sql`select id from referrals where ${where} order by id`)).map((r) => r.id);
          const decided = referrals.filter((r) => can(actor, action, { regionId: r.region_id, siteId: r.site_id, createdBy: r.created_by }, time)).map((r) => r.id);
          expect({ actor: actor.displayName, action, today, listed }).toEqual({ actor: actor.displayName, action, today, listed: decided });
        }
      }
    }
    // Not a comparison of two empty lists: the rules allow some rows and refuse others.
    expect(allowedSomewhere).toBeGreaterThan(0);
    expect(allowedSomewhere).toBeLessThan(Object.keys(w.actors).length * w.days.length * encounterActions.length * encounters.length);
  });

  it('narrows update to the listed professionals and delete to the creator on the day of recording', async () => {
    const w = await build();
    const encounters = await allEncounters(w);
    const [day1, day2] = w.days;
    const deletable = (actor: Actor, today: string) => encounters.filter((e) => can(actor, 'encounter.delete', e.facts, { today })).length;
    // nurseA recorded two encounters on each day at site A.
    expect(deletable(w.actors.nurseA, day1)).toBe(2);
    expect(deletable(w.actors.nurseA, day2)).toBe(2);
    expect(deletable(w.actors.nurseA, '2030-01-01')).toBe(0);
    // socialA is on one of nurseA's entries a day and recorded one a day: edits two a day, deletes one.
    expect(encounters.filter((e) => can(w.actors.socialA, 'encounter.update', e.facts)).length).toBe(4);
    expect(deletable(w.actors.socialA, day1)).toBe(1);
    // The region-wide nurse recorded at site B with nurseB: nurseB edits those but cannot delete them.
    expect(encounters.filter((e) => can(w.actors.nurseB, 'encounter.update', e.facts)).length).toBe(4);
    expect(deletable(w.actors.nurseB, day2)).toBe(1);
  });

  it('makes the list commands show what `can` allows: the day’s encounters and the follow-ups', async () => {
    const w = await build();
    const [siteA] = w.sites;
    const encounters = await allEncounters(w);
    for (const actor of [w.actors.nurseA, w.actors.regionNurse]) {
      const ctx = { actor, requestId: null };
      const listed = (await listEncountersOfDay(w.h.deps, ctx, siteA, w.days[0])).map((v) => v.id).sort();
      const dayOf = (id: string) => encounters.find((e) => e.id === id)!.facts.createdDay;
      const expected = encounters.filter((e) => e.facts.siteId === siteA && dayOf(e.id) === w.days[0] && can(actor, 'encounter.read', e.facts)).map((e) => e.id).sort();
      expect(listed).toEqual(expected);
      expect(listed.length).toBe(3);
      // Each shown encounter says whether this reader may edit it, by the same rule.
      for (const view of await listEncountersOfDay(w.h.deps, ctx, siteA, w.days[0])) {
        expect(view.canEdit).toBe(can(actor, 'encounter.update', encounters.find((e) => e.id === view.id)!.facts));
      }
      const followUps = await listFollowUps(w.h.deps, ctx, siteA);
      expect(followUps.length).toBe(4);
    }
  });
});
