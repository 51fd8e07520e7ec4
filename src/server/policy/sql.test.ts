import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { holds, type Condition, type ResourceFacts } from '../../domain/policy/index.js';
import { rowsOf, type Database } from '../db/connect.js';
import { createTestDatabase } from '../testing/test-db.js';
import { compileCondition, type FactColumns } from './sql.js';

// A probe table with every kind of fact, so the compiled SQL and the in-memory rule are compared on
// the same rows: a list filtered in SQL must hold exactly the rows `holds` accepts.
const users = ['u1', 'u2', 'u3'];
const sites = ['s1', 's2'];
const days = ['2026-12-01', '2026-12-02'];
type Row = ResourceFacts & { id: number };

const rowArb = fc.record({
  regionId: fc.constantFrom('r1', 'r2'),
  siteId: fc.constantFrom<string | null>('s1', 's2', null),
  createdBy: fc.constantFrom(...users),
  createdDay: fc.constantFrom(...days),
  professionalIds: fc.subarray(users),
});

const leafArb: fc.Arbitrary<Condition> = fc.oneof(
  fc.constant<Condition>({ kind: 'always' }),
  fc.constant<Condition>({ kind: 'never' }),
  fc.constantFrom('r1', 'r2').map((regionId): Condition => ({ kind: 'region', regionId })),
  fc.subarray(sites, { minLength: 1 }).map((siteIds): Condition => ({ kind: 'site_in', siteIds })),
  fc.constantFrom(...users).map((userId): Condition => ({ kind: 'created_by', userId })),
  fc.constantFrom(...days).map((day): Condition => ({ kind: 'created_on', day })),
  fc.constantFrom(...users).map((userId): Condition => ({ kind: 'listed_professional', userId })),
);
const conditionArb: fc.Arbitrary<Condition> = fc.letrec<{ c: Condition }>((tie) => ({
  c: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leafArb,
    fc.array(tie('c'), { minLength: 1, maxLength: 3 }).map((of): Condition => ({ kind: 'and', of })),
    fc.array(tie('c'), { minLength: 1, maxLength: 3 }).map((of): Condition => ({ kind: 'or', of })),
  ),
})).c;

const columns: FactColumns = {
  region: (c) => sql`p.region_id = ${c.regionId}`,
  site_in: (c) => sql`p.site_id in (${sql.join(c.siteIds.map((id) => sql`${id}`), sql`, `)})`,
  created_by: (c) => sql`p.created_by = ${c.userId}`,
  created_on: (c) => sql`p.created_day = ${c.day}`,
  listed_professional: (c) => sql`exists (select 1 from policy_probe_pros q where q.probe_id = p.id and q.user_id = ${c.userId})`,
};

let db: Database;
let rows: Row[];

beforeAll(async () => {
  db = await createTestDatabase();
  await db.orm.execute(sql`create temporary table policy_probe (id int primary key, region_id text, site_id text, created_by text, created_day text)`);
  await db.orm.execute(sql`create temporary table policy_probe_pros (probe_id int, user_id text)`);
  rows = fc.sample(rowArb, { numRuns: 60, seed: 7 }).map((r, id) => ({ ...r, id }));
  for (const r of rows) {
    await db.orm.execute(sql`insert into policy_probe values (${r.id}, ${r.regionId}, ${r.siteId}, ${r.createdBy}, ${r.createdDay})`);
    for (const u of r.professionalIds ?? []) await db.orm.execute(sql`insert into policy_probe_pros values (${r.id}, ${u})`);
  }
});
afterAll(async () => db?.close());

describe('a condition compiled to SQL', () => {
  it('selects exactly the rows that the in-memory rule accepts', async () => {
    await fc.assert(
      fc.asyncProperty(conditionArb, async (condition) => {
        const found = rowsOf<{ id: number }>(await db.orm.execute(sql`select id from policy_probe p where ${compileCondition(condition, columns)} order by id`)).map((r) => r.id);
        expect(found).toEqual(rows.filter((r) => holds(condition, r)).map((r) => r.id));
      }),
      { numRuns: 150, seed: 11 },
    );
  });

  it('refuses to compile a fact the table does not map', () => {
    expect(() => compileCondition({ kind: 'own_worker', userId: 'u1' }, columns)).toThrow(/own_worker/);
  });
});
