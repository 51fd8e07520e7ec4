import { describe, expect, it } from 'vitest';
import { createHarness, makeRegion, makeSite, signIn } from '../server/testing/harness.js';
import { testEngine } from '../server/testing/test-db.js';
import { runAdminCommand } from './commands.js';

async function run(h: Awaited<ReturnType<typeof createHarness>>, argv: string[]): Promise<string> {
  const lines: string[] = [];
  await runAdminCommand(h.deps, argv, (line) => lines.push(line));
  return lines.join('\n');
}

describe(`admin commands on ${testEngine}`, () => {
  it('create a user with a site role and a generated password that works for sign-in', async () => {
    const h = await createHarness();
    const region = await makeRegion(h);
    const site = await makeSite(h, region.id);
    const out = await run(h, ['create-user', '--username', 'sh.anna', '--name', 'Anna', '--role', `professional@${site.id}`, '--profession', 'nurse', '--region', region.name]);
    const password = /Password \(shown only now\): (\S+)/.exec(out)?.[1];
    expect(password).toBeDefined();
    const client = await signIn(h, { username: 'sh.anna', password: password! });
    expect(client.session.user).toMatchObject({ profession: 'nurse', roles: [{ role: 'professional', siteId: site.id }] });
  });

  it('reset a password, ending the old one, and explain mistakes plainly', async () => {
    const h = await createHarness();
    const region = await makeRegion(h);
    await run(h, ['create-user', '--username', 'adm', '--name', 'Admin', '--role', 'administrator', '--region', region.id, '--password', 'the first password']);
    const out = await run(h, ['reset-password', 'adm']);
    const password = /: (\S+)$/.exec(out)?.[1];
    await expect(signIn(h, { username: 'adm', password: 'the first password' })).rejects.toThrow(/401/);
    await signIn(h, { username: 'adm', password: password! });
    await expect(run(h, ['reset-password', 'nobody'])).rejects.toThrow('No user "nobody".');
    await expect(run(h, ['create-user', '--username', 'x', '--name', 'X', '--role', 'wizard', '--region', region.id])).rejects.toThrow(/Unknown role "wizard"/);
    await expect(run(h, ['frobnicate'])).rejects.toThrow(/Unknown command/);
  });

  it('list migrations as applied, and seed the demo only once', async () => {
    const h = await createHarness();
    expect(await run(h, ['migrations'])).toMatch(/^0001 foundation\s+applied /);
    expect(await run(h, ['seed-demo'])).toContain('demo.nurse');
    await expect(run(h, ['seed-demo'])).rejects.toThrow(/already exists/);
  });
});
