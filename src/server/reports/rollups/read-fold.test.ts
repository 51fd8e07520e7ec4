// A report read folds the queued rollup changes itself only while they are few (issue 16: after a
// stall of the writes, every read folding the backlog kept the server from recovering in the soak).
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../../domain/report.js';
import { rowsOf } from '../../db/connect.js';
import { encounterBody, record, setUpOutreach, type Outreach } from '../../encounters/test-support.js';
import { makeUser, signIn, type Client } from '../../testing/harness.js';
import { testEngine } from '../../testing/test-db.js';
import { INLINE_FOLD_LIMIT } from './refresh.js';

const queueLength = async (o: Outreach) => rowsOf<{ n: number }>(await o.h.db.orm.execute(sql`select count(*)::int as n from report_rollup_delta`))[0]!.n;

/** Queue rows that change no figure (n = 0): a backlog's length without its content. */
async function padQueue(o: Outreach, rows: number): Promise<void> {
  await o.h.db.orm.execute(sql`
    insert into report_rollup_delta (site_id, day, session_kind, metric, key, n)
    select ${o.siteId}::uuid, date '2026-03-20', '', 'enc', 'meetings', 0 from generate_series(1, ${rows})`);
}

async function meetings(coordinator: Client, o: Outreach): Promise<{ meetings: unknown; figuresAsOf: string | null | undefined }> {
  const response = await coordinator.request('GET', `/api/reports?siteIds=${o.siteId}&from=2026-03-01&to=2026-03-31&exact=true`);
  expect(response.statusCode, response.body).toBe(200);
  const report = response.json<Report>();
  const overview = report.sections.flatMap((s) => s.tables).find((t) => t.key === 'overview.figures')!;
  const column = overview.columns.findIndex((c) => c.key === 'meetings');
  return { meetings: overview.rows[0]!.cells[column]!.value, figuresAsOf: report.figuresAsOf };
}

describe(`a report read's own fold on ${testEngine}`, () => {
  it('folds a short queue first, so the reader sees a save at once', async () => {
    const o = await setUpOutreach();
    await o.travel(new Date('2026-03-20T10:00:00Z'));
    const coordinator = await signIn(o.h, await makeUser(o.h, o.regionId, [{ role: 'coordinator', siteId: null }]));
    await record(o.nurse, encounterBody(o));
    await padQueue(o, INLINE_FOLD_LIMIT - 100);
    expect(await meetings(coordinator, o)).toEqual({ meetings: 1, figuresAsOf: '2026-03-20T10:00:00.000Z' });
    expect(await queueLength(o)).toBe(0);
  });

  it('leaves a queue longer than its limit to the background fold, and the report says its figures are older', async () => {
    const o = await setUpOutreach();
    await o.travel(new Date('2026-03-20T10:00:00Z'));
    const coordinator = await signIn(o.h, await makeUser(o.h, o.regionId, [{ role: 'coordinator', siteId: null }]));
    await record(o.nurse, encounterBody(o));
    expect(await meetings(coordinator, o)).toEqual({ meetings: 1, figuresAsOf: '2026-03-20T10:00:00.000Z' });
    o.h.clock.advance(60_000);
    await record(o.nurse, encounterBody(o));
    await padQueue(o, INLINE_FOLD_LIMIT);
    const backlog = await queueLength(o);
    expect(backlog).toBeGreaterThan(INLINE_FOLD_LIMIT);
    // The second save is queued, not folded: the read shows the figures as of the last fold, and says so.
    expect(await meetings(coordinator, o)).toEqual({ meetings: 1, figuresAsOf: '2026-03-20T10:00:00.000Z' });
    expect(await queueLength(o)).toBe(backlog);
  });

  it('leaves site-days marked for a recount to the background fold', async () => {
    const o = await setUpOutreach();
    await o.travel(new Date('2026-03-20T10:00:00Z'));
    const coordinator = await signIn(o.h, await makeUser(o.h, o.regionId, [{ role: 'coordinator', siteId: null }]));
    await record(o.nurse, encounterBody(o));
    await o.h.db.orm.execute(sql`insert into report_rollup_dirty (site_id, day) values (${o.siteId}::uuid, date '2026-03-20')`);
    expect((await meetings(coordinator, o)).figuresAsOf).toBeNull();
    expect(await queueLength(o)).toBeGreaterThan(0);
  });
});
