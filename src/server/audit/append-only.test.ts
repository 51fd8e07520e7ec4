import { describe, expect, it } from 'vitest';
import { createHarness, makeRegion } from '../testing/harness.js';
import { testEngine } from '../testing/test-db.js';

describe(`the audit log on ${testEngine}`, () => {
  it('refuses UPDATE, DELETE and TRUNCATE at the database level', async () => {
    const h = await createHarness();
    await makeRegion(h); // writes a region.created row
    const run = (sql: string) => h.db.withRawSession((s) => s.query(sql));
    const before = await run('select count(*)::int as n from audit_log');
    expect((before[0] as { n: number }).n).toBeGreaterThan(0);
    await expect(run("update audit_log set action = 'tampered'")).rejects.toThrow(/append-only/);
    await expect(run('delete from audit_log')).rejects.toThrow(/append-only/);
    await expect(run('truncate audit_log')).rejects.toThrow(/append-only/);
    const after = await run("select count(*)::int as n from audit_log where action = 'tampered'");
    expect((after[0] as { n: number }).n).toBe(0);
    expect(await run('select count(*)::int as n from audit_log')).toEqual(before);
  });
});
