import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import { professions, roles, userInputSchema, type Profession, type Role } from '../domain/org.js';
import { regions, users } from '../server/db/schema.js';
import { migrationStatus } from '../server/db/migrate.js';
import type { Deps } from '../server/deps.js';
import { createUser, resetPassword } from '../server/users/commands.js';
import { writeBackup } from '../server/backup/backup.js';
import { restoreBackup } from '../server/backup/restore.js';
import { formatDemoAccounts, generatePassword, seedDemo } from '../server/demo/seed-demo.js';
import { linkOidcAccount } from '../server/auth/oidc-link.js';
import { AppError } from '../server/errors.js';
import { runRetention } from '../server/retention/purge.js';
import { retentionReportLines } from '../server/retention/report-lines.js';

export type Print = (line: string) => void;
export class UsageError extends Error {}

export const usage = `Usage: npm run admin -- <command> [options]

Commands:
  create-user --username <name> --name <display name> --role <role>[@<site id>] [--role …]
              [--profession <profession>] [--region <region name or id>] [--password <password>]
      Creates a staff account. Without --password a random one is generated and printed once.
      Roles: ${roles.join(', ')}. Professions: ${professions.join(', ')}.
  reset-password <username>   Sets a new random password (printed once) and ends the user's sessions.
  link-oidc <username> <value>
      Links a staff account to the organisation's OpenID Connect account whose linking claim
      (SILTA_OIDC_LINK_CLAIM, sub unless set) has <value>. unlink-oidc <username> removes the link.
  seed-demo                   Adds the demo region, day centre and one account per role.
  migrations                  Lists the database migrations and whether each is applied.
  migrate                     Applies pending migrations as the schema owner (MIGRATION_DATABASE_URL,
                              else DATABASE_URL) and grants the server's role (DATABASE_URL's login)
                              its privileges: only INSERT and SELECT on the audit log. Idempotent.
  backup <file>               Writes every record and the audit log to <file> (gzipped JSON lines,
                              readable by both engines). Stop Silta first when it runs embedded.
  restore <file>              Restores <file> into an EMPTY database (a new SILTA_DATA_DIR or a new
                              PostgreSQL database); all or nothing. Sign-in sessions are not restored.
  retention [--dry-run]       Deletes the person-level records whose retention time has passed
                              (docs/PRIVACY.md, Retention), each client in its own transaction, audited.
                              --dry-run lists what would go (counts per record type, client ids) and
                              changes nothing. The server runs the same purge daily.
  help                        Shows this text.

The database is the one Silta itself uses: DATABASE_URL, or the embedded one in SILTA_DATA_DIR (./data).
migrate and restore connect with MIGRATION_DATABASE_URL when it is set (docs/OPERATIONS.md, Database roles).`;

async function findRegionId(deps: Deps, nameOrId: string | undefined): Promise<string> {
  const all = await deps.db.orm.select().from(regions);
  if (!nameOrId) {
    if (all.length === 1) return all[0]!.id;
    throw new UsageError(all.length === 0 ? 'There is no region yet: run seed-demo, or create one first.' : 'Several regions exist: name one with --region.');
  }
  const match = all.find((r) => r.id === nameOrId || r.name === nameOrId);
  if (!match) throw new UsageError(`No region "${nameOrId}".`);
  return match.id;
}

function parseRole(text: string): { role: Role; siteId: string | null } {
  const [role, siteId] = text.split('@');
  if (!roles.includes(role as Role)) throw new UsageError(`Unknown role "${role}". Roles: ${roles.join(', ')}.`);
  return { role: role as Role, siteId: siteId ?? null };
}

async function createUserCommand(deps: Deps, args: string[], print: Print): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { username: { type: 'string' }, name: { type: 'string' }, role: { type: 'string', multiple: true }, profession: { type: 'string' }, region: { type: 'string' }, password: { type: 'string' } },
  });
  if (values.profession && !professions.includes(values.profession as Profession)) throw new UsageError(`Unknown profession "${values.profession}".`);
  const password = values.password ?? generatePassword();
  const parsed = userInputSchema.safeParse({
    regionId: await findRegionId(deps, values.region),
    username: values.username,
    displayName: values.name,
    profession: values.profession ?? null,
    unitId: null,
    password,
    roles: (values.role ?? []).map(parseRole),
  });
  if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => `--${String(i.path[0])}: ${i.message}`).join('\n'));
  const user = await createUser(deps, { actor: null, requestId: null, address: 'cli' }, parsed.data);
  print(`Created ${user.username} (${user.roles.map((r) => r.role).join(', ')}).`);
  if (!values.password) print(`Password (shown only now): ${password}`);
}

async function resetPasswordCommand(deps: Deps, args: string[], print: Print): Promise<void> {
  const username = args[0]?.trim().toLowerCase();
  if (!username) throw new UsageError('Name the user: reset-password <username>');
  const [user] = await deps.db.orm.select({ id: users.id }).from(users).where(eq(users.username, username));
  if (!user) throw new UsageError(`No user "${username}".`);
  const password = generatePassword();
  await resetPassword(deps, { actor: null, requestId: null, address: 'cli' }, user.id, password);
  print(`New password for ${username} (shown only now): ${password}`);
}

async function linkOidcCommand(deps: Deps, command: 'link-oidc' | 'unlink-oidc', args: string[], print: Print): Promise<void> {
  const username = args[0]?.trim().toLowerCase();
  const value = command === 'link-oidc' ? args[1] : null;
  if (!username || value === undefined) throw new UsageError(command === 'link-oidc' ? 'Usage: link-oidc <username> <value>' : 'Usage: unlink-oidc <username>');
  const [user] = await deps.db.orm.select({ id: users.id }).from(users).where(eq(users.username, username));
  if (!user) throw new UsageError(`No user "${username}".`);
  try {
    await linkOidcAccount(deps, { requestId: null, address: 'cli' }, user.id, value);
  } catch (error) {
    if (error instanceof AppError) throw new UsageError(error.message);
    throw error;
  }
  print(value === null ? `${username} is no longer linked.` : `${username} now signs in through the organisation as ${value}.`);
}

async function backupCommand(deps: Deps, command: 'backup' | 'restore', args: string[], print: Print): Promise<void> {
  const file = args[0];
  if (!file) throw new UsageError(`Name the file: ${command} <file>`);
  const at = deps.clock.now();
  if (command === 'backup') {
    const result = await writeBackup(deps.db, file, at, print);
    const rows = Object.values(result.counts).reduce((a, b) => a + b, 0);
    return print(`Backup written to ${file}: ${rows} rows in ${Object.keys(result.counts).length} tables.`);
  }
  const counts = await restoreBackup(deps.db, file, at, print);
  print(`Restored ${Object.values(counts).reduce((a, b) => a + b, 0)} rows from ${file}. Users sign in again.`);
}

/** Runs one admin command; the entry point (admin.ts) only connects and prints. */
export async function runAdminCommand(deps: Deps, argv: string[], print: Print): Promise<void> {
  const [command, ...args] = argv;
  switch (command) {
    case 'create-user':
      return createUserCommand(deps, args, print);
    case 'reset-password':
      return resetPasswordCommand(deps, args, print);
    case 'link-oidc':
    case 'unlink-oidc':
      return linkOidcCommand(deps, command, args, print);
    case 'seed-demo':
      return print(formatDemoAccounts(await seedDemo(deps), `http://localhost:${deps.config.port}`));
    case 'migrations':
      for (const m of await migrationStatus(deps.db)) print(`${m.version} ${m.name.padEnd(30)} ${m.appliedAt ? `applied ${m.appliedAt.toISOString()}` : 'pending'}`);
      return;
    case 'backup':
    case 'restore':
      return backupCommand(deps, command, args, print);
    case 'retention': {
      const { values } = parseArgs({ args, options: { 'dry-run': { type: 'boolean' } } });
      for (const line of retentionReportLines(await runRetention(deps, { dryRun: values['dry-run'] === true }))) print(line);
      return;
    }
    case undefined:
    case 'help':
    case '--help':
      return print(usage);
    default:
      throw new UsageError(`Unknown command "${command}".\n\n${usage}`);
  }
}
