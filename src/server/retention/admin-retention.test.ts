import { describe, expect, it } from 'vitest';
import { runAdminCommand } from '../../cli/commands.js';
import { advanceProcess, createClient } from '../clients/commands.js';
import { clientBody } from '../clients/test-support.js';
import { ConfigError, loadConfig } from '../config.js';
import { loadActor } from '../auth/actor-repo.js';
import { createHarness, makeRegion, makeSite, makeUser } from '../testing/harness.js';
import { testEngine } from '../testing/test-db.js';

describe(`npm run admin -- retention on ${testEngine}`, { timeout: 120_000 }, () => {
  it('lists what would go by id and count with --dry-run and changes nothing, then deletes it', async () => {
    const h = await createHarness();
    const region = await makeRegion(h);
    const site = await makeSite(h, region.id);
    const user = await makeUser(h, region.id, [{ role: 'professional', siteId: site.id }], 'social_worker');
    const ctx = { actor: (await loadActor(h.deps.db.orm, user.id))!, requestId: null };
    h.clock.set(new Date('2012-05-02T08:00:00Z'));
    const { clientId } = await createClient(h.deps, ctx, clientBody(site.id, { name: 'Unohdettava Asiakas' }));
    await advanceProcess(h.deps, ctx, clientId, { type: 'end', end: { reason: 'other', description: 'Päättyi.' } });
    h.clock.set(new Date('2026-01-15T09:00:00Z'));
    const run = async (argv: string[]) => {
      const lines: string[] = [];
      await runAdminCommand(h.deps, argv, (line) => lines.push(line));
      return lines.join('\n');
    };
    const clients = async () => (await h.db.withRawSession((s) => s.query<{ n: number }>('select count(*)::int as n from clients')))[0]!.n;

    const dry = await run(['retention', '--dry-run']);
    expect(dry).toMatch(/Would delete:/);
    expect(dry).toMatch(/clients\s+1\n/);
    expect(dry).toContain(`  ${clientId}`);
    expect(dry).not.toContain('Unohdettava');
    expect(await clients()).toBe(1);

    const real = await run(['retention']);
    expect(real).toMatch(/Deleted:/);
    expect(real).toContain(`  ${clientId}`);
    expect(await clients()).toBe(0);
    expect(await run(['retention', '--dry-run'])).toMatch(/Clients \(0\): none/);
  });

  it('refuses a client retention shorter than the statutory ten years at start', () => {
    expect(() => loadConfig({ SILTA_RETENTION_CLIENT_YEARS: '5' })).toThrow(ConfigError);
    expect(loadConfig({ SILTA_RETENTION_CLIENT_YEARS: '15' }).retention.clientYears).toBe(15);
    expect(loadConfig({}).retention).toEqual({ clientYears: 10, signinDays: 365, externalMemberYears: 2 });
  });
});
