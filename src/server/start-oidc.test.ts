import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnServer, type SpawnedServer } from './testing/spawn-server.js';
import { testEngine } from './testing/test-db.js';

const running: SpawnedServer[] = [];
const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(running.map((s) => s.stop()));
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

const httpProvider = {
  SILTA_OIDC_ISSUER: 'http://127.0.0.1:4000',
  SILTA_OIDC_CLIENT_ID: 'silta',
  SILTA_OIDC_CLIENT_SECRET: 'secret',
  SILTA_OIDC_REDIRECT_URI: 'http://localhost:3000/api/auth/oidc/callback',
};

async function startWith(env: Record<string, string>): Promise<{ code: number | null; output: string; dataDir: string }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'silta-oidc-start-'));
  dirs.push(dataDir);
  const server = await spawnServer({ SILTA_DATA_DIR: dataDir, ...env });
  running.push(server);
  return { code: await server.exited, output: server.output(), dataDir };
}

// The refusals come before the database is opened, so one engine covers them.
describe.runIf(testEngine === 'pglite')('the production start and the OpenID Connect provider', { timeout: 60_000 }, () => {
  it('refuses the test-only allowance for an http issuer, before touching anything', async () => {
    const started = await startWith({ ...httpProvider, SILTA_OIDC_TEST_ALLOW_HTTP_ISSUER: 'true' });
    expect(started.code).toBe(1);
    expect(started.output).toContain('SILTA_OIDC_TEST_ALLOW_HTTP_ISSUER is a test setting; remove it to start Silta.');
    expect(started.output).not.toMatch(/\n\s+at /);
    expect(fs.readdirSync(started.dataDir)).toEqual([]);
  });

  it('refuses an invalid role mapping with a message that says what to fix', async () => {
    const started = await startWith({
      ...httpProvider,
      SILTA_OIDC_ISSUER: 'https://login.org.example',
      SILTA_OIDC_ROLE_CLAIM: 'groups',
      SILTA_OIDC_ROLE_MAP: '{"silta-koordinaattorit": {"role": "coordinator"}}',
    });
    expect(started.code).toBe(1);
    expect(started.output).toContain('Silta could not start: SILTA_OIDC_ROLE_MAP group "silta-koordinaattorit": the coordinator role needs either "site"');
    expect(started.output).not.toMatch(/\n\s+at /);
    expect(fs.readdirSync(started.dataDir)).toEqual([]);
  });

  it('refuses an http issuer without it', async () => {
    const started = await startWith(httpProvider);
    expect(started.code).toBe(1);
    expect(started.output).toContain('Silta could not start: SILTA_OIDC_ISSUER must be an https URL, got "http://127.0.0.1:4000"');
    expect(fs.readdirSync(started.dataDir)).toEqual([]);
  });
});
