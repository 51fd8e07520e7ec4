import { and, asc, eq, inArray, isNull, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import { addDays } from '../../domain/calendar.js';
import { DUE_SOON_DAYS, type ClockBasis, type ClockStep } from '../../domain/clients/clocks.js';
import { checkIdentityCode } from '../../domain/clients/identity-code.js';
import type { LookupInput } from '../../domain/clients/schemas.js';
import { can, canSomewhere, conditionFor } from '../../domain/policy/index.js';
import { writeAudit } from '../audit/write-audit.js';
import { clientCareTeam, clientProcessDeadlines, clientProcesses, clients } from '../db/schema-clients.js';
import { sites, users } from '../db/schema.js';
import type { Deps } from '../deps.js';
import { forbidden } from '../errors.js';
import { compileCondition, type FactColumns } from '../policy/sql.js';
import { loadClientFor, todayOf, type Ctx } from './access.js';
import { canonicalIdentityCode } from './identity.js';
import { assertSocialRegister } from './commands.js';
import { maskedCode, presentClient, presentDeadline } from './present.js';
import { careTeamOf, clientFactColumns, clientFacts, consentsOf, currentProcess, displayNames, encountersSinceLinked, linkedCodes, processDeadlines, processEvents } from './repo.js';

/** One client as its worker sees it; the read is audited (Client Data Act 703/2023: every read is logged). */
export async function getClientDetail(deps: Deps, ctx: Ctx, clientId: string) {
  const ex = deps.db.orm;
  const { client, facts, today } = await loadClientFor(deps, ex, ctx.actor, clientId, 'client.read');
  const [team, consents, codes, sinceLinked, process] = [await careTeamOf(ex, client.id), await consentsOf(ex, client.id), await linkedCodes(ex, client.id), await encountersSinceLinked(ex, client.id), await currentProcess(ex, client.id)];
  const deadlines = process ? await processDeadlines(ex, process.id) : [];
  const events = process ? await processEvents(ex, process.id) : [];
  const names = await displayNames(ex, [client.ownWorkerId, process?.handlerId, ...consents.filter((c) => c.granteeKind === 'user').map((c) => c.granteeId)].filter((id): id is string => typeof id === 'string'));
  const time = { today };
  const view = presentClient({
    client, today, names, team, consents, codes, encountersSinceLinked: sinceLinked, process, deadlines, events,
    can: { update: can(ctx.actor, 'client.update', facts, time), manageConsents: can(ctx.actor, 'consent.manage', facts, time), advanceProcess: can(ctx.actor, 'process.advance', facts, time), export: can(ctx.actor, 'client.export', facts, time) },
  });
  await writeAudit(ex, { ...ctx, at: deps.clock.now() }, { action: 'client.read', resourceType: 'client', resourceId: client.id, siteId: client.siteId, regionId: client.regionId });
  return view;
}

/** The clients the caller may list (own worker or care team), compiled from the same rule as a single read. */
function listable(ctx: Ctx, today: string) {
  return compileCondition(conditionFor(ctx.actor, 'client.list', { today }), clientFactColumns(today));
}

const open = ne(clientProcesses.state, 'ended');
/** A running clock: neither met nor stopped by an end (the partial index of migration 0030). */
const running = and(isNull(clientProcessDeadlines.metOn), isNull(clientProcessDeadlines.stoppedOn));


/** The caller's clients with their open process's most pressing deadline; audited with the ids shown. */
export async function listOwnClients(deps: Deps, ctx: Ctx) {
  const today = todayOf(deps);
  const rows = await deps.db.orm
    .select({ id: clients.id, name: clients.name, identityCode: clients.identityCode, ownWorkerId: clients.ownWorkerId, state: clientProcesses.state, processId: clientProcesses.id })
    .from(clients)
    .leftJoin(clientProcesses, and(eq(clientProcesses.clientId, clients.id), open))
    .where(listable(ctx, today))
    .orderBy(asc(clients.name), asc(clients.id));
  const processIds = rows.map((r) => r.processId).filter((id): id is string => id !== null);
  const deadlines = processIds.length === 0 ? [] : await deps.db.orm.select().from(clientProcessDeadlines).where(and(inArray(clientProcessDeadlines.processId, processIds), running)).orderBy(asc(clientProcessDeadlines.dueOn), asc(clientProcessDeadlines.clockKey));
  const next = new Map<string, (typeof deadlines)[number]>();
  for (const d of deadlines) if (!next.has(d.processId)) next.set(d.processId, d);
  const list = rows.map((r) => {
    const d = r.processId ? next.get(r.processId) : undefined;
    return { id: r.id, name: r.name, identityCodeMasked: maskedCode(r.identityCode), state: r.state, isOwnClient: r.ownWorkerId === ctx.actor.userId, nextDeadline: d ? presentDeadline(d, today) : null };
  });
  await writeAudit(deps.db.orm, { ...ctx, at: deps.clock.now() }, { action: 'client.listed', resourceType: 'client', details: { clientIds: list.map((c) => c.id) } });
  return list;
}

/**
 * The worker's own clients: those they are own worker of or on the care team of. The due list starts
 * from these (two small index reads) rather than from every running clock of the region; the rule's
 * compiled condition still decides who may be listed.
 */
const ownClientIds = (userId: string): SQL =>
  sql`${clients.id} in (select c.id from ${clients} c where c.own_worker_id = ${userId} union select t.client_id from ${clientCareTeam} t where t.user_id = ${userId})`;

/** The deployment's clocks as the web names them: which step, how long, statutory or local, and where from. */
export const clockInfo = (deps: Deps) => deps.config.processClocks.map((c) => ({ key: c.key, basis: c.basis, step: c.step, limit: c.limit, source: c.source }));

/**
 * "Due soon / overdue" for the worker's home: the running clocks of their own clients (own worker or
 * care team) due within DUE_SOON_DAYS or past, each with its clock (statutory or local), due day and
 * status. Audited with the client ids shown.
 */
export async function dueForWorker(deps: Deps, ctx: Ctx) {
  const today = todayOf(deps);
  const rows = await deps.db.orm
    .select({ clientId: clients.id, name: clients.name, state: clientProcesses.state, clockKey: clientProcessDeadlines.clockKey, basis: clientProcessDeadlines.basis, step: clientProcessDeadlines.step, dueOn: clientProcessDeadlines.dueOn, metOn: clientProcessDeadlines.metOn })
    .from(clients)
    .innerJoin(clientProcesses, and(eq(clientProcesses.clientId, clients.id), open))
    .innerJoin(clientProcessDeadlines, and(eq(clientProcessDeadlines.processId, clientProcesses.id), running, lte(clientProcessDeadlines.dueOn, addDays(today, DUE_SOON_DAYS))))
    .where(and(ownClientIds(ctx.actor.userId), listable(ctx, today)))
    .orderBy(asc(clientProcessDeadlines.dueOn), asc(clients.name), asc(clientProcessDeadlines.clockKey));
  const items = rows.map((r) => ({ clientId: r.clientId, name: r.name, state: r.state, deadline: presentDeadline(r, today) }));
  await writeAudit(deps.db.orm, { ...ctx, at: deps.clock.now() }, { action: 'client.due_listed', resourceType: 'client', details: { clientIds: [...new Set(items.map((i) => i.clientId))] } });
  return { today, dueSoonDays: DUE_SOON_DAYS, clocks: clockInfo(deps), items };
}

/**
 * How the deadlines table answers the counts rule's facts: by the client's site kept on each deadline
 * (migration 0030) and that site's region. Relationship facts are not mapped: counts are by place.
 */
const deadlineSiteColumns: FactColumns = {
  region: (c) => sql`${sites.regionId} = ${c.regionId}`,
  site_in: (c) => (c.siteIds.length === 0 ? sql`false` : inArray(clientProcessDeadlines.siteId, [...c.siteIds])),
};
const siteColumns: FactColumns = {
  region: (c) => sql`${sites.regionId} = ${c.regionId}`,
  site_in: (c) => (c.siteIds.length === 0 ? sql`false` : inArray(sites.id, [...c.siteIds])),
};

type ClockCount = { clockKey: string; basis: ClockBasis; step: ClockStep; overdue: number; dueSoon: number };

/** Adds up per-site counts per clock, in clock-key order. */
function totalsOf(rows: ClockCount[]): ClockCount[] {
  const byKey = new Map<string, ClockCount>();
  for (const r of rows) {
    const t = byKey.get(r.clockKey) ?? { clockKey: r.clockKey, basis: r.basis, step: r.step, overdue: 0, dueSoon: 0 };
    byKey.set(r.clockKey, { ...t, overdue: t.overdue + r.overdue, dueSoon: t.dueSoon + r.dueSoon });
  }
  return [...byKey.values()].sort((a, b) => a.clockKey.localeCompare(b.clockKey));
}

/**
 * A coordinator's counts of overdue and due-soon steps per clock, per site they may count and in total
 * (the region's, for a region-wide coordinator): no client is named. Every configured clock is listed,
 * with zeros where nothing is due; a clock since removed from the settings still counts its deadlines.
 */
export async function dueCounts(deps: Deps, ctx: Ctx) {
  const today = todayOf(deps);
  const condition = conditionFor(ctx.actor, 'client.counts', { today });
  const soon = addDays(today, DUE_SOON_DAYS);
  const d = clientProcessDeadlines;
  const rows = await deps.db.orm
    .select({
      siteId: d.siteId, clockKey: d.clockKey, basis: d.basis, step: d.step,
      overdue: sql<number>`count(*) filter (where ${d.dueOn} < ${today})::int`,
      dueSoon: sql<number>`count(*) filter (where ${d.dueOn} >= ${today})::int`,
    })
    .from(d)
    .innerJoin(sites, eq(sites.id, d.siteId))
    .where(and(running, lte(d.dueOn, soon), compileCondition(condition, deadlineSiteColumns)))
    .groupBy(d.siteId, d.clockKey, d.basis, d.step);
  const places = await deps.db.orm.select({ id: sites.id, name: sites.name }).from(sites).where(compileCondition(condition, siteColumns)).orderBy(asc(sites.name), asc(sites.id));
  const configured = deps.config.processClocks.map((c) => ({ clockKey: c.key, basis: c.basis, step: c.step, overdue: 0, dueSoon: 0 }));
  const withAllClocks = (counted: ClockCount[]) => totalsOf([...configured, ...counted]);
  return {
    today,
    dueSoonDays: DUE_SOON_DAYS,
    clocks: clockInfo(deps),
    totals: withAllClocks(rows),
    sites: places.map((p) => ({ siteId: p.id, siteName: p.name, counts: withAllClocks(rows.filter((r) => r.siteId === p.id)) })),
  };
}

const matchRank = { identity_code: 0, name_and_birth_day: 1, name: 2 } as const;

/** The birth day a stored (valid, canonical) code carries. */
const birthDayOf = (code: string): string | null => {
  const checked = checkIdentityCode(code);
  return checked.ok ? checked.birthDay : null;
};

/**
 * The existing-client check before a contact is registered (requirements § 1.3 rule 2): who is already
 * a client, by identity code or exact name (a name match whose code has the same birth day as the one
 * given says so: the likeliest duplicate without the same code), with their own worker, so the counsellor can turn to them.
 * A client the caller does not work with comes without its id. The look-up is audited with the ids found.
 */
export async function lookupClients(deps: Deps, ctx: Ctx, input: LookupInput) {
  if (!canSomewhere(ctx.actor, 'client.lookup')) throw forbidden();
  assertSocialRegister(ctx.actor);
  const regionId = ctx.actor.regionId;
  const code = input.identityCode === undefined ? null : canonicalIdentityCode(input.identityCode);
  const name = input.name?.trim().toLowerCase();
  const byCode = code ? eq(clients.identityCode, code) : undefined;
  const byName = name ? sql`lower(${clients.name}) = ${name}` : undefined;
  const rows = await deps.db.orm
    .select({ id: clients.id, identityCode: clients.identityCode, ownWorkerId: clients.ownWorkerId, ownWorkerName: users.displayName })
    .from(clients)
    .leftJoin(users, eq(users.id, clients.ownWorkerId))
    .where(and(eq(clients.regionId, regionId), or(byCode, byName)))
    .orderBy(asc(clients.id))
    .limit(20);
  const today = todayOf(deps);
  const birthDay = code === null ? null : birthDayOf(code);
  const matchedBy = (stored: string | null) =>
    code !== null && stored === code ? ('identity_code' as const) : birthDay !== null && stored !== null && birthDayOf(stored) === birthDay ? ('name_and_birth_day' as const) : ('name' as const);
  const matches = [];
  // The surest match first: the same code, then the same name and birth day (e.g. a temporary code
  // replaced by a permanent one), then the same name only.
  for (const row of [...rows].sort((a, b) => matchRank[matchedBy(a.identityCode)] - matchRank[matchedBy(b.identityCode)])) {
    const client = (await deps.db.orm.select().from(clients).where(eq(clients.id, row.id)))[0]!;
    const related = can(ctx.actor, 'client.read', await clientFacts(deps.db.orm, client, today), { today });
    const process = await currentProcess(deps.db.orm, row.id);
    matches.push({
      matchedBy: matchedBy(row.identityCode),
      clientId: related ? row.id : null,
      ownWorker: row.ownWorkerId ? { id: row.ownWorkerId, displayName: row.ownWorkerName ?? '' } : null,
      hasOpenProcess: process !== undefined && process.state !== 'ended',
    });
  }
  await writeAudit(deps.db.orm, { ...ctx, at: deps.clock.now() }, { action: 'client.looked_up', resourceType: 'client', details: { by: [code ? 'identity_code' : null, name ? 'name' : null].filter(Boolean), clientIds: rows.map((r) => r.id) } });
  return { matches };
}
