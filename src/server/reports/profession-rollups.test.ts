// The per-profession figures moved from grouped reads of the base tables into the rollups (migration
// 0020). Here the rollup figures of the known-answer dataset, folded and recounted alike, must equal what
// the former base-table queries (profession-facts-oracle.ts) give, key for key, for whole and partial
// periods, a session kind, and a period that reaches past today (sessions count only up to today).
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../db/connect.js';
import { testEngine } from '../testing/test-db.js';
import { expectedRollupFigures, readProfessionFacts } from './profession-facts-oracle.js';
import { readProfessionalFacts } from './professional-facts.js';
import { readRollups, type RollupFigures } from './rollups/read.js';
import { rebuildReportRollups } from './rollups/rebuild.js';
import { refreshReportRollups } from './rollups/refresh.js';
import type { ReportScope } from './scope.js';
import { buildDataset, type Dataset } from './test-dataset.js';

const PROFESSION_METRICS = ['pc_first', 'pc_region', 'pc_anon', 'pc_urgent', 'pc_age', 'pc_code', 'pc_ref', 'joint_m'];

/** Migration 0020's figures of a scope's rollups, as `metric|key` → n. */
function professionFigures(figures: RollupFigures): Map<string, number> {
  const out = new Map<string, number>();
  for (const metric of PROFESSION_METRICS) for (const key of figures.keys(metric)) out.set(`${metric}|${key}`, figures.get(metric, key));
  for (const key of figures.keys('sess')) if (key.startsWith('hours_x100:') || key === 'reception_s') out.set(`sess|${key}`, figures.get('sess', key));
  return out;
}

const sorted = (m: Map<string, number>) => [...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

let d: Dataset;
const scopes: [string, Omit<ReportScope, 'regionId' | 'sites' | 'siteIds'>][] = [
  ['October to December', { from: '2025-10-01', to: '2025-12-31', today: '2026-01-15', sessionKind: null }],
  ['part of December', { from: '2025-12-03', to: '2025-12-20', today: '2026-01-15', sessionKind: null }],
  ['receptions only', { from: '2025-10-01', to: '2025-12-31', today: '2026-01-15', sessionKind: 'reception' }],
  ['a period past today', { from: '2025-12-01', to: '2025-12-31', today: '2025-12-16', sessionKind: null }],
];

describe(`per-profession rollup figures on ${testEngine}`, () => {
  beforeAll(async () => {
    d = await buildDataset();
  }, 120_000);

  const scopeOf = (s: Omit<ReportScope, 'regionId' | 'sites' | 'siteIds'>): ReportScope => ({
    ...s, regionId: d.o.regionId, sites: [{ id: d.o.siteId, name: '' }], siteIds: [d.o.siteId],
  });

  it('equal the base-table counts, folded and recounted, for every scope', async () => {
    for (const refresh of [() => refreshReportRollups(d.o.h.db), () => rebuildReportRollups(d.o.h.db)]) {
      await refresh();
      for (const [name, s] of scopes) {
        const scope = scopeOf(s);
        const expected = expectedRollupFigures(await readProfessionFacts(d.o.h.db.orm, scope));
        // The dataset reaches every kind of key, so an empty comparison cannot pass by accident.
        for (const metric of [...PROFESSION_METRICS.filter((m) => m !== 'joint_m' || s.to >= '2025-12-30'), 'sess']) {
          expect([...expected.keys()].some((k) => k.startsWith(`${metric}|`)), `${name}: ${metric}`).toBe(true);
        }
        expect(sorted(professionFigures(await readRollups(d.o.h.db.orm, scope))), name).toEqual(sorted(expected));
      }
    }
  });

  it('follow a change of a user’s profession in the hours and in referrals made outside the encounter’s team', async () => {
    const peerId = d.peer.session.user.id;
    const scope = scopeOf(scopes[0]![1]);
    // A referral the peer worker made in an encounter they are not a professional of: counted by their users.profession.
    const [target] = rowsOf<{ id: string }>(await d.o.h.db.orm.execute(sql`select id::text as id from referrals order by id limit 1`));
    await d.o.h.db.orm.execute(sql`update referrals set referred_by = ${peerId}::uuid where id = ${target!.id}::uuid`);
    await d.o.h.db.orm.execute(sql`update users set profession = 'addiction_worker' where id = ${peerId}::uuid`);
    await refreshReportRollups(d.o.h.db);
    const folded = professionFigures(await readRollups(d.o.h.db.orm, scope));
    expect(folded.get('sess|hours_x100:addiction_worker')).toBe(200);
    expect(folded.get('sess|hours_x100:peer_worker')).toBeUndefined();
    expect(folded.get('pc_ref|addiction_worker')).toBe(1);
    expect(sorted(folded)).toEqual(sorted(expectedRollupFigures(await readProfessionFacts(d.o.h.db.orm, scope))));
  });

  it('reads one professional’s own facts only, when asked for one', async () => {
    const nurseId = d.o.nurse.session.user.id;
    const scope = scopeOf(scopes[0]![1]);
    const own = await readProfessionalFacts(d.o.h.db.orm, scope, nurseId);
    const all = await readProfessionalFacts(d.o.h.db.orm, scope, null);
    expect(new Set([...own.contacts, ...own.referrals, ...own.hours, ...own.names].map((r) => r.userId))).toEqual(new Set([nurseId]));
    expect(own.contacts).toEqual(all.contacts.filter((c) => c.userId === nurseId));
    expect(own.hours).toEqual(all.hours.filter((h) => h.userId === nurseId));
    expect(new Set(all.contacts.map((c) => c.userId)).size).toBeGreaterThan(1);
  });
});
