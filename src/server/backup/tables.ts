import type { RawSession } from '../db/connect.js';

/** One table as the backup sees it: the columns it writes and the primary key it pages by. */
export type TableInfo = { name: string; columns: string[]; primaryKey: string[]; primaryKeyTypes: string[] };

/**
 * Tables that are not data: migrations are checked rather than copied, sign-in sessions (staff's,
 * clients' and external members', and sign-ins at the OpenID Connect provider in progress) and
 * throttling counters are transient (restoring them would revive old cookies), the address key
 * secret stays with its database (a backup alone cannot link a throttle key to an address), and the report
 * rollups are counted from the data: the restore's inserts queue every entity's figures, and the folds add them up.
 */
export const notBackedUp = new Set(['schema_migrations', 'sessions', 'principal_sessions', 'oidc_flows', 'webauthn_challenges', 'login_throttle', 'instance_secrets', 'feedback_flood_counters', 'report_rollup', 'report_rollup_region', 'report_rollup_dirty', 'report_rollup_delta', 'report_rollup_pending', 'report_rollup_state']);

export const quoteIdent = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/**
 * The public tables in an order where every table comes after the tables its foreign keys point
 * to, so a restore can insert table by table with all constraints on. New tables of later
 * migrations are included automatically.
 */
export async function listTables(session: RawSession): Promise<TableInfo[]> {
  const tables = await session.query<{ name: string }>(
    `select table_name as name from information_schema.tables
     where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  const names = tables.map((t) => t.name).filter((n) => !notBackedUp.has(n));
  const edges = await session.query<{ child: string; parent: string }>(
    `select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent
     from pg_constraint c join pg_namespace n on n.oid = c.connamespace
     where c.contype = 'f' and n.nspname = 'public'`,
  );
  const columns = await session.query<{ table_name: string; column_name: string }>(
    `select table_name, column_name from information_schema.columns
     where table_schema = 'public' and is_generated = 'NEVER' order by table_name, ordinal_position`,
  );
  const keys = await session.query<{ table_name: string; column_name: string; type: string }>(
    `select i.indrelid::regclass::text as table_name, a.attname as column_name, format_type(a.atttypid, a.atttypmod) as type
     from pg_index i
     join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
     join pg_class c on c.oid = i.indrelid join pg_namespace n on n.oid = c.relnamespace
     where i.indisprimary and n.nspname = 'public'
     order by i.indrelid, array_position(i.indkey::int2[], a.attnum)`,
  );
  const unquote = (name: string) => name.replace(/^"(.*)"$/, '$1');
  const ordered = topologicalOrder(
    names,
    edges.map((e) => ({ child: unquote(e.child), parent: unquote(e.parent) })),
  );
  return ordered.map((name) => {
    const key = keys.filter((k) => unquote(k.table_name) === name);
    if (key.length === 0) throw new Error(`Table ${name} has no primary key; the backup pages by it.`);
    return {
      name,
      columns: columns.filter((c) => c.table_name === name).map((c) => c.column_name),
      primaryKey: key.map((k) => k.column_name),
      primaryKeyTypes: key.map((k) => k.type),
    };
  });
}

/** Parents before children; a cycle (which the schema does not have) is an error, not a guess. */
export function topologicalOrder(names: string[], edges: { child: string; parent: string }[]): string[] {
  const known = new Set(names);
  const pending = new Map(names.map((n) => [n, new Set<string>()]));
  for (const { child, parent } of edges) {
    if (child !== parent && known.has(child) && known.has(parent)) pending.get(child)!.add(parent);
  }
  const order: string[] = [];
  while (pending.size > 0) {
    const ready = [...pending].filter(([, parents]) => parents.size === 0).map(([n]) => n).sort();
    if (ready.length === 0) throw new Error(`Foreign keys form a cycle among: ${[...pending.keys()].join(', ')}`);
    for (const name of ready) {
      order.push(name);
      pending.delete(name);
      for (const parents of pending.values()) parents.delete(name);
    }
  }
  return order;
}
