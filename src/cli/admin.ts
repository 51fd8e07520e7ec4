// `npm run admin -- <command>`: operator commands on the configured database.
import { loadConfig, ConfigError } from '../server/config.js';
import { connectDatabase } from '../server/db/connect.js';
import { StartupError } from '../server/startup-error.js';
import { createDeps, openDatabase } from '../server/start.js';
import { RestoreError } from '../server/backup/restore.js';
import { runAdminCommand, UsageError, usage } from './commands.js';
import { grantServer, migrateCommand, serverLoginOf } from './migrate-command.js';

const print = (line: string): void => void process.stdout.write(`${line}\n`);

async function main(argv: string[]): Promise<void> {
  if (argv.length === 0 || argv[0] === 'help' || argv[0] === '--help') return print(usage);
  const config = loadConfig();
  // Changing the schema (migrate, restore) is the owner's work: MIGRATION_DATABASE_URL when the
  // server runs as a restricted role, else the one DATABASE_URL.
  const ownerUrl = config.migrationDatabaseUrl ?? config.databaseUrl;
  const connectAs = (url: string | null) => connectDatabase(url ? { engine: 'postgres', url } : { engine: 'pglite', dataDir: config.dataDir });
  if (argv[0] === 'migrate') {
    const db = await connectAs(ownerUrl);
    try {
      return await migrateCommand(db, serverLoginOf(config.databaseUrl, config.migrationDatabaseUrl), print);
    } finally {
      await db.close();
    }
  }
  // Listing migrations must not apply them, and a restore applies exactly the backup's own;
  // every other command needs an up-to-date schema.
  const db = argv[0] === 'migrations' ? await connectAs(config.databaseUrl) : argv[0] === 'restore' ? await connectAs(ownerUrl) : await openDatabase(config);
  try {
    await runAdminCommand(createDeps(config, db), argv, print);
    const server = serverLoginOf(config.databaseUrl, config.migrationDatabaseUrl);
    if (argv[0] === 'restore' && db.engine === 'postgres' && server) await grantServer(db, server, print);
  } finally {
    await db.close();
  }
}

try {
  await main(process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError || error instanceof StartupError || error instanceof ConfigError || error instanceof RestoreError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  throw error;
}
