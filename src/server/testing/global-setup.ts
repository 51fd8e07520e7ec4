// Runs once per test project: migrates one template database that every test file then copies,
// so each file gets its own database without paying for initdb and migrations again.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { connectDatabase, pgliteOf } from '../db/connect.js';
import { migrate } from '../db/migrate.js';
import { ensureDefaultCodes } from '../codes/reference-data.js';

async function pgliteTemplate(): Promise<{ value: string; teardown: () => void }> {
  const db = await connectDatabase({ engine: 'pglite' });
  await migrate(db);
  await ensureDefaultCodes(db.orm, new Date());
  const dump = await pgliteOf(db)!.dumpDataDir('none');
  await db.close();
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'silta-test-')), 'template.tar');
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  return { value: file, teardown: () => fs.rmSync(path.dirname(file), { recursive: true, force: true }) };
}

async function postgresTemplate(base: string): Promise<{ value: string; teardown: () => Promise<void> }> {
  const name = `silta_template_${process.pid}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const db = await connectDatabase({ engine: 'postgres', url: url.toString(), poolSize: 1 });
  await migrate(db);
  await ensureDefaultCodes(db.orm, new Date());
  await db.close();
  return {
    value: name,
    teardown: async () => {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (project.name === 'db:postgres') {
    const template = await postgresTemplate(process.env.TEST_DATABASE_URL!);
    project.provide('postgresTemplate', template.value);
    return template.teardown;
  }
  const template = await pgliteTemplate();
  project.provide('pgliteTemplate', template.value);
  return () => Promise.resolve(template.teardown());
}
