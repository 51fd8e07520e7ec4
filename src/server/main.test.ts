import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, spawnServer, waitForHealth, type SpawnedServer } from './testing/spawn-server.js';
import { testEngine } from './testing/test-db.js';

const running: SpawnedServer[] = [];
const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(running.map((s) => s.stop()));
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'silta-main-'));
  dirs.push(dir);
  return dir;
}

async function start(env: Record<string, string>): Promise<SpawnedServer> {
  const server = await spawnServer(env);
  running.push(server);
  return server;
}

async function signInAs(port: number, username: string, password: string) {
  const response = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  return { status: response.status, cookie: response.headers.get('set-cookie')?.split(';')[0] ?? '', body: (await response.json()) as { csrfToken: string } };
}

// Process-level behaviour is engine-independent, but the embedded engine is what these tests exercise.
// Each test starts up to three servers on fresh data directories (initdb, migrations, demo seed, about
// ten seconds each on an idle machine), so they get more than the suites' usual 30 s.
describe.runIf(testEngine === 'pglite')('starting Silta as a process', { timeout: 120_000 }, () => {
  it('seeds demo accounts on a fresh embedded database, keeps data across a restart, and refuses a second instance', async () => {
    const dataDir = tempDir();
    const env = { SILTA_DATA_DIR: dataDir, SILTA_DEMO_PASSWORD: 'demo password for tests', SILTA_DEMO_HISTORY: 'off' };
    const first = await start(env);
    await waitForHealth(first);
    expect(first.output()).toMatch(/demo\.admin\s+demo password for tests/);
    const admin = await signInAs(first.port, 'demo.admin', 'demo password for tests');
    expect(admin.status).toBe(200);
    const regions = (await (await fetch(`http://127.0.0.1:${first.port}/api/regions`, { headers: { cookie: admin.cookie } })).json()) as { regions: { id: string }[] };
    const created = await fetch(`http://127.0.0.1:${first.port}/api/sites`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: admin.cookie, 'x-csrf-token': admin.body.csrfToken },
      body: JSON.stringify({ regionId: regions.regions[0]!.id, name: 'Kelan palvelupiste', kind: 'kela_office' }),
    });
    expect(created.status).toBe(201);

    const second = await start({ ...env, PORT: String(await freePort()) });
    expect(await second.exited).toBe(1);
    expect(second.output()).toContain(`The data directory ${dataDir} is in use by another running Silta`);
    expect(second.output()).not.toMatch(/\n\s+at /); // no stack trace

    await first.stop();
    const restarted = await start(env);
    await waitForHealth(restarted);
    expect(restarted.output()).not.toContain('Demo data created');
    const again = await signInAs(restarted.port, 'demo.admin', 'demo password for tests');
    const sites = (await (await fetch(`http://127.0.0.1:${restarted.port}/api/sites`, { headers: { cookie: again.cookie } })).json()) as { sites: { name: string }[] };
    expect(sites.sites.map((s) => s.name).sort()).toEqual(['Kelan palvelupiste', 'Rovaniemen päiväkeskus']);
  });

  it('takes over the lock of a killed instance', async () => {
    const dataDir = tempDir();
    const killed = await start({ SILTA_DATA_DIR: dataDir, SILTA_DEMO_PASSWORD: 'demo password for tests', SILTA_DEMO_HISTORY: 'off' });
    await waitForHealth(killed);
    killed.process.kill('SIGKILL');
    await killed.exited;
    const next = await start({ SILTA_DATA_DIR: dataDir });
    await waitForHealth(next);
  });

  it('explains, without a stack trace, an unreachable PostgreSQL and an unusable data directory', async () => {
    const unreachable = await start({ DATABASE_URL: 'postgres://silta:secret@127.0.0.1:1/silta' });
    expect(await unreachable.exited).toBe(1);
    expect(unreachable.output()).toContain('Cannot connect to PostgreSQL at postgres://silta:***@127.0.0.1:1/silta');
    expect(unreachable.output()).not.toContain('secret');
    const file = path.join(tempDir(), 'a-file');
    fs.writeFileSync(file, '');
    const unusable = await start({ SILTA_DATA_DIR: path.join(file, 'data') });
    expect(await unusable.exited).toBe(1);
    expect(unusable.output()).toMatch(/The data directory .* cannot be written \(ENOTDIR\)/);
    for (const server of [unreachable, unusable]) expect(server.output()).not.toMatch(/\n\s+at /);
  });

  it('refuses the browser tests clock setting, so no deployment runs on a pretended date', async () => {
    const dataDir = tempDir();
    const pretending = await start({ SILTA_DATA_DIR: dataDir, SILTA_TEST_NOW: '2027-02-01T00:30:00+02:00', SILTA_TEST_NOW_ANCHOR: String(Date.now()) });
    expect(await pretending.exited).toBe(1);
    expect(pretending.output()).toContain('SILTA_TEST_NOW and SILTA_TEST_NOW_ANCHOR are test settings; remove them to start Silta.');
    expect(pretending.output()).not.toMatch(/\n\s+at /);
    // It refused before touching anything: no database was created.
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });
});
