import { asc } from 'drizzle-orm';
import type { OwnClient, OwnClientSummary, OwnProcess } from '../../domain/own/schemas.js';
import { can, conditionFor } from '../../domain/policy/index.js';
import { writeAudit } from '../audit/write-audit.js';
import { clients } from '../db/schema-clients.js';
import type { Deps } from '../deps.js';
import { notFound } from '../errors.js';
import type { PrincipalContext } from '../http/context.js';
import { principalIdOf } from '../invitations/principal-sessions.js';
import { compileCondition } from '../policy/sql.js';
import { clientFactColumns, clientFacts, consentsOf, currentProcess, displayNames, findClient, processDeadlines, processEvents, type ClientRow } from '../clients/repo.js';
import { partOf, visibleParts } from './parts.js';

/** Who read: the principal's kind and id go in the audit row's details (audit rows carry ids, never names). */
const auditedAs = (ctx: PrincipalContext) => ({ principalKind: ctx.principal.kind, principalId: principalIdOf(ctx.principal) });
const auditContext = (ctx: PrincipalContext) => ({ actor: null, at: ctx.now, requestId: ctx.requestId });
const isSelf = (ctx: PrincipalContext, client: ClientRow) => ctx.principal.kind === 'client' && ctx.principal.clientId === client.id;

/**
 * The clients the principal may see: the client themself, or for an external member every client whose
 * consent in force names them. The same rule as a single read, compiled to SQL; audited with the ids shown.
 */
export async function listOwnClients(deps: Deps, ctx: PrincipalContext): Promise<OwnClientSummary[]> {
  const ex = deps.db.orm;
  const where = compileCondition(conditionFor(ctx.principal, 'client.read', { today: ctx.today }), clientFactColumns(ctx.today));
  const rows = await ex.select().from(clients).where(where).orderBy(asc(clients.name), asc(clients.id));
  const list: OwnClientSummary[] = [];
  for (const row of rows) list.push({ id: row.id, name: row.name, isSelf: isSelf(ctx, row), shared: await visibleParts(ex, ctx.principal, row, ctx.today) });
  await writeAudit(ex, auditContext(ctx), { action: 'own.clients_listed', resourceType: 'client', regionId: ctx.principal.regionId, details: { ...auditedAs(ctx), clientIds: list.map((c) => c.id) } });
  return list;
}

/**
 * One client as the principal may see them: a client all of their own process; an external member the
 * client's name and what their grants in force share. Anything else is 404, like a missing id.
 */
export async function readOwnClient(deps: Deps, ctx: PrincipalContext, clientId: string): Promise<OwnClient> {
  const ex = deps.db.orm;
  const client = await findClient(ex, clientId);
  if (!client || !can(ctx.principal, 'client.read', await clientFacts(ex, client, ctx.today), { today: ctx.today })) throw notFound('Client');
  const shared = await visibleParts(ex, ctx.principal, client, ctx.today);
  const seesProcess = shared.includes('process');
  const process = seesProcess ? await ownProcess(deps, client.id) : null;
  const names = await displayNames(ex, seesProcess && client.ownWorkerId ? [client.ownWorkerId] : []);
  const view: OwnClient = {
    id: client.id,
    name: client.name,
    isSelf: isSelf(ctx, client),
    shared,
    grants: ctx.principal.kind === 'external' ? await grantsOf(deps, ctx.principal.memberId, client.id, ctx.today) : [],
    ownWorkerName: client.ownWorkerId ? (names.get(client.ownWorkerId) ?? null) : null,
    process,
  };
  await writeAudit(ex, auditContext(ctx), { action: 'own.client_viewed', resourceType: 'client', resourceId: client.id, siteId: client.siteId, regionId: client.regionId, details: { ...auditedAs(ctx), parts: shared } });
  return view;
}

/** The external member's own grants in force for the client, by the part each shares. */
async function grantsOf(deps: Deps, memberId: string, clientId: string, today: string): Promise<OwnClient['grants']> {
  const consents = await consentsOf(deps.db.orm, clientId);
  return consents
    .filter((c) => c.granteeKind === 'external' && c.granteeId === memberId && c.revokedAt === null && c.validFrom <= today && (c.validTo === null || c.validTo >= today))
    .flatMap((c) => {
      const part = partOf(c.purpose);
      return part ? [{ part, validFrom: c.validFrom, validTo: c.validTo }] : [];
    });
}

/** The process as its client sees it: steps and dates, the handler's name; never the need as told or an end's free text. */
async function ownProcess(deps: Deps, clientId: string): Promise<OwnProcess | null> {
  const ex = deps.db.orm;
  const process = await currentProcess(ex, clientId);
  if (!process) return null;
  const [events, deadlines] = [await processEvents(ex, process.id), await processDeadlines(ex, process.id)];
  const names = await displayNames(ex, process.handlerId ? [process.handlerId] : []);
  return {
    state: process.state,
    contactAt: process.contactAt.toISOString(),
    handlerName: process.handlerId ? (names.get(process.handlerId) ?? null) : null,
    endedAt: process.endedAt?.toISOString() ?? null,
    endReason: process.endReason,
    steps: events.map((e) => ({ to: e.toState, at: e.at.toISOString() })),
    deadlines: deadlines.map((d) => ({ basis: d.basis, step: d.step, dueOn: d.dueOn, metOn: d.metOn })),
  };
}
