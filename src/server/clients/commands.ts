import { and, eq, inArray, isNull, ne } from 'drizzle-orm';
import { deadlinesFor, stepOfEvent, type ProcessClock } from '../../domain/clients/clocks.js';
import { transition, type ProcessEventInput, type ProcessPrompt, type ProcessState } from '../../domain/clients/process.js';
import type { ClientInput, ClientUpdate, ConsentInput } from '../../domain/clients/schemas.js';
import { helsinkiDay } from '../../domain/calendar.js';
import { normaliseVisitorCode } from '../../domain/visitor-code.js';
import { writeAudit } from '../audit/write-audit.js';
import type { Executor } from '../db/connect.js';
import { clientCareTeam, clientConsents, clientProcessDeadlines, clientProcesses, clientProcessEvents, clients, clientVisitorCodes } from '../db/schema-clients.js';
import { municipalities, sites, units, users } from '../db/schema.js';
import { visitorCodes } from '../db/schema-outreach.js';
import type { Deps } from '../deps.js';
import { AppError, conflict, forbidden, notFound } from '../errors.js';
import { authorize, type Actor } from '../policy/policy.js';
import { keepsSocialRegister } from '../../domain/policy/client-rules.js';
import { loadClientFor, todayOf, type Ctx } from './access.js';
import { assertCodeFree, canonicalIdentityCode } from './identity.js';
import { activeProfessionals, consentInForce } from './repo.js';

export type { Ctx } from './access.js';

/** Social-welfare clients are registered and looked up by that register's professions only (a nurse keeps the health register). */
export function assertSocialRegister(actor: Actor): void {
  if (!keepsSocialRegister(actor)) throw forbidden();
}

const badRequest = (message: string, field: string, reason?: string) => new AppError('bad_request', message, { field, ...(reason ? { reason } : {}) });

/** A contact may be dated a little ahead of the server's clock (a device's drift), never more. */
const MAX_AHEAD_MS = 5 * 60_000;

/** A client's municipality is one of the region's (reference data kept by its administrators). */
async function assertMunicipality(ex: Executor, regionId: string, code: string | null | undefined): Promise<void> {
  if (code === null || code === undefined) return;
  const [row] = await ex.select({ code: municipalities.code }).from(municipalities).where(and(eq(municipalities.code, code), eq(municipalities.regionId, regionId)));
  if (!row) throw badRequest('The municipality is not one of the region\'s municipalities.', 'municipalityCode', 'unknown_municipality');
}

async function assertProfessionals(ex: Executor, regionId: string, ids: string[], field: string): Promise<void> {
  const known = await activeProfessionals(ex, regionId, ids);
  if (ids.some((id) => !known.has(id))) throw badRequest('Own workers and care-team members are active professionals of the region.', field);
}

/**
 * Registers a contact (SHL § 35 contact or notification): the client, the first process step, its
 * clocks, and the care team of the recorder and the named handler. The existing-client check must have
 * been made; a code already registered is a 409 and nothing is written. The clocks are the
 * deployment's (SILTA_PROCESS_CLOCKS), each deadline stored with its clock's key and basis.
 */
export async function createClient(deps: Deps, ctx: Ctx, input: ClientInput, clocks: readonly ProcessClock[] = deps.config.processClocks): Promise<{ clientId: string; processId: string }> {
  const { actor } = ctx;
  assertSocialRegister(actor);
  const [site] = await deps.db.orm.select({ id: sites.id, regionId: sites.regionId }).from(sites).where(eq(sites.id, input.siteId));
  if (!site || site.regionId !== actor.regionId) throw notFound('Site');
  authorize(actor, 'client.create', { regionId: site.regionId, siteId: site.id });
  const identityCode = input.identityCode === undefined || input.identityCode.trim() === '' ? null : canonicalIdentityCode(input.identityCode);
  const now = deps.clock.now();
  const contactAt = input.contact.at ? new Date(input.contact.at) : now;
  if (contactAt.getTime() > now.getTime() + MAX_AHEAD_MS) throw badRequest('A contact cannot be dated in the future.', 'contact.at', 'future');
  const handlerId = input.contact.handlerId ?? actor.userId;
  const clientId = deps.ids.newId();
  const processId = deps.ids.newId();
  const deadlines = deadlinesFor(contactAt, input.contact.isStatutoryGroup, clocks, deps.config.workingDays);
  await deps.db.orm.transaction(async (tx) => {
    await assertProfessionals(tx, site.regionId, [handlerId], 'contact.handlerId');
    await assertMunicipality(tx, site.regionId, input.municipalityCode);
    if (identityCode) await assertCodeFree(tx, site.regionId, identityCode);
    await tx.insert(clients).values({
      id: clientId, regionId: site.regionId, siteId: site.id, register: 'social', name: input.name, identityCode,
      preferredLanguage: input.preferredLanguage, municipalityCode: input.municipalityCode ?? null, contactPreference: input.contactPreference,
      ownWorkerId: null, createdBy: actor.userId, createdAt: now, updatedAt: now,
    });
    const team = [...new Set([actor.userId, handlerId])];
    await tx.insert(clientCareTeam).values(team.map((userId) => ({ clientId, userId, isHandler: userId === handlerId, addedBy: actor.userId, addedAt: now })));
    await tx.insert(clientProcesses).values({
      id: processId, clientId, state: 'contact', contactAt, contactSource: input.contact.source, isStatutoryGroup: input.contact.isStatutoryGroup,
      need: input.contact.need, handlerId, endedAt: null, endReason: null, endDetails: null, createdBy: actor.userId, createdAt: now, updatedAt: now,
    });
    await tx.insert(clientProcessEvents).values({ id: deps.ids.newId(), processId, type: 'contact', fromState: null, toState: 'contact', at: contactAt, byUser: actor.userId });
    if (deadlines.length > 0) await tx.insert(clientProcessDeadlines).values(deadlines.map((d) => ({ processId, siteId: site.id, clockKey: d.clockKey, basis: d.basis, step: d.step, dueOn: d.dueOn, metOn: null, stoppedOn: null })));
    await writeAudit(tx, { ...ctx, at: now }, {
      action: 'client.created', resourceType: 'client', resourceId: clientId, siteId: site.id, regionId: site.regionId,
      details: { processId, source: input.contact.source, isStatutoryGroup: input.contact.isStatutoryGroup, handlerId, hasIdentityCode: identityCode !== null, clocks: deadlines.map((d) => d.clockKey) },
    });
  });
  return { clientId, processId };
}

/** Identity details and the own worker; only the fields named change. */
export async function updateClient(deps: Deps, ctx: Ctx, clientId: string, patch: ClientUpdate): Promise<void> {
  const { client } = await loadClientFor(deps, deps.db.orm, ctx.actor, clientId, 'client.update');
  const identityCode = patch.identityCode === undefined ? undefined : patch.identityCode === null || patch.identityCode.trim() === '' ? null : canonicalIdentityCode(patch.identityCode);
  const now = deps.clock.now();
  await deps.db.orm.transaction(async (tx) => {
    if (patch.ownWorkerId) await assertProfessionals(tx, client.regionId, [patch.ownWorkerId], 'ownWorkerId');
    await assertMunicipality(tx, client.regionId, patch.municipalityCode);
    if (identityCode) await assertCodeFree(tx, client.regionId, identityCode, client.id);
    const { identityCode: _code, ...rest } = patch;
    await tx.update(clients).set({ ...rest, ...(identityCode === undefined ? {} : { identityCode }), updatedAt: now }).where(eq(clients.id, client.id));
    await writeAudit(tx, { ...ctx, at: now }, {
      action: 'client.updated', resourceType: 'client', resourceId: client.id, siteId: client.siteId, regionId: client.regionId,
      details: { fields: Object.keys(patch).sort(), ...(patch.ownWorkerId !== undefined ? { ownWorkerId: patch.ownWorkerId } : {}) },
    });
  });
}

/** Replaces the care team (the handler stays marked as such while on it). */
export async function setCareTeam(deps: Deps, ctx: Ctx, clientId: string, memberIds: string[]): Promise<void> {
  const { client } = await loadClientFor(deps, deps.db.orm, ctx.actor, clientId, 'client.update');
  const wanted = [...new Set(memberIds)];
  const now = deps.clock.now();
  await deps.db.orm.transaction(async (tx) => {
    await assertProfessionals(tx, client.regionId, wanted, 'memberIds');
    const current = await tx.select({ userId: clientCareTeam.userId }).from(clientCareTeam).where(eq(clientCareTeam.clientId, client.id));
    const before = current.map((m) => m.userId);
    const removed = before.filter((id) => !wanted.includes(id));
    const added = wanted.filter((id) => !before.includes(id));
    if (removed.length > 0) await tx.delete(clientCareTeam).where(and(eq(clientCareTeam.clientId, client.id), inArray(clientCareTeam.userId, removed)));
    if (added.length > 0) await tx.insert(clientCareTeam).values(added.map((userId) => ({ clientId: client.id, userId, isHandler: false, addedBy: ctx.actor.userId, addedAt: now })));
    await writeAudit(tx, { ...ctx, at: now }, { action: 'client.care_team_changed', resourceType: 'client', resourceId: client.id, siteId: client.siteId, regionId: client.regionId, details: { added, removed } });
  });
}

async function assertGrantee(ex: Executor, regionId: string, grantee: ConsentInput['grantee']): Promise<void> {
  if (grantee.kind === 'unit') {
    const [unit] = await ex.select({ id: units.id }).from(units).where(and(eq(units.id, grantee.id), eq(units.regionId, regionId)));
    if (!unit) throw badRequest('The unit is not in this region.', 'grantee.id');
  }
  if (grantee.kind === 'user') {
    const [user] = await ex.select({ id: users.id }).from(users).where(and(eq(users.id, grantee.id), eq(users.regionId, regionId), eq(users.isActive, true)));
    if (!user) throw badRequest('The member of staff is not an active user of this region.', 'grantee.id');
  }
  // External members get their table with the sign-in work (issue 18 item 4); until then the id is kept as given.
}

/** Records a consent: what may be shared with whom, from when to when. Audited with ids and days. */
export async function grantConsent(deps: Deps, ctx: Ctx, clientId: string, input: ConsentInput): Promise<string> {
  const { client } = await loadClientFor(deps, deps.db.orm, ctx.actor, clientId, 'consent.manage');
  const now = deps.clock.now();
  const id = deps.ids.newId();
  const granteeId = input.grantee.kind === 'none' ? null : input.grantee.id;
  await deps.db.orm.transaction(async (tx) => {
    await assertGrantee(tx, client.regionId, input.grantee);
    await tx.insert(clientConsents).values({
      id, clientId: client.id, purpose: input.purpose, granteeKind: input.grantee.kind, granteeId, validFrom: input.validFrom, validTo: input.validTo ?? null,
      recordedBy: ctx.actor.userId, recordedAt: now, revokedAt: null, revokedBy: null,
    });
    await writeAudit(tx, { ...ctx, at: now }, {
      action: 'consent.granted', resourceType: 'client', resourceId: client.id, siteId: client.siteId, regionId: client.regionId,
      details: { consentId: id, purpose: input.purpose, granteeKind: input.grantee.kind, granteeId, validFrom: input.validFrom, validTo: input.validTo ?? null },
    });
  });
  return id;
}

/** Revokes a consent from now on (it stays on record); a second revoke is a 409. */
export async function revokeConsent(deps: Deps, ctx: Ctx, clientId: string, consentId: string): Promise<void> {
  const { client } = await loadClientFor(deps, deps.db.orm, ctx.actor, clientId, 'consent.manage');
  const now = deps.clock.now();
  await deps.db.orm.transaction(async (tx) => {
    const [consent] = await tx.select().from(clientConsents).where(and(eq(clientConsents.id, consentId), eq(clientConsents.clientId, client.id))).for('update');
    if (!consent) throw notFound('Consent');
    if (consent.revokedAt) throw conflict('The consent is already revoked.');
    await tx.update(clientConsents).set({ revokedAt: now, revokedBy: ctx.actor.userId }).where(eq(clientConsents.id, consentId));
    await writeAudit(tx, { ...ctx, at: now }, {
      action: 'consent.revoked', resourceType: 'client', resourceId: client.id, siteId: client.siteId, regionId: client.regionId,
      details: { consentId, purpose: consent.purpose, granteeKind: consent.granteeKind, granteeId: consent.granteeId },
    });
  });
}

/**
 * Joins a visitor code to the client from now on, under a consent for it in force today. Encounters
 * under the code before this moment stay anonymous: reads join only those at or after `linked_from`.
 */
export async function linkVisitorCode(deps: Deps, ctx: Ctx, clientId: string, input: { code: string; consentId: string }): Promise<void> {
  const { client, today } = await loadClientFor(deps, deps.db.orm, ctx.actor, clientId, 'client.update');
  const code = normaliseVisitorCode(input.code);
  const now = deps.clock.now();
  await deps.db.orm.transaction(async (tx) => {
    const [consent] = await tx
      .select({ id: clientConsents.id })
      .from(clientConsents)
      .where(and(eq(clientConsents.id, input.consentId), eq(clientConsents.clientId, client.id), eq(clientConsents.purpose, 'link_visitor_code'), consentInForce(today)));
    if (!consent) throw badRequest('Linking a visitor code needs the client\'s consent for it, in force today.', 'consentId', 'no_consent');
    const [row] = await tx.select({ code: visitorCodes.code, retiredAt: visitorCodes.retiredAt }).from(visitorCodes).where(and(eq(visitorCodes.code, code), eq(visitorCodes.regionId, client.regionId)));
    if (!row) throw badRequest('The visitor code is not one of this region\'s.', 'code', 'unknown_code');
    const [linked] = await tx.select({ clientId: clientVisitorCodes.clientId }).from(clientVisitorCodes).where(eq(clientVisitorCodes.visitorCode, code));
    if (linked) throw new AppError('conflict', 'The visitor code is already linked to a client.', { field: 'code', reason: 'already_linked' });
    await tx.insert(clientVisitorCodes).values({ visitorCode: code, clientId: client.id, consentId: consent.id, linkedFrom: now, linkedBy: ctx.actor.userId });
    await writeAudit(tx, { ...ctx, at: now }, {
      action: 'client.visitor_code_linked', resourceType: 'client', resourceId: client.id, siteId: client.siteId, regionId: client.regionId,
      details: { visitorCode: code, consentId: consent.id },
    });
  });
}

/**
 * Moves the client's open process by one event (the pure `transition` decides), stops the clocks the
 * step meets, and says what the answer prompts. A move the process does not allow is a 409 and
 * nothing is written.
 */
export async function advanceProcess(deps: Deps, ctx: Ctx, clientId: string, event: ProcessEventInput): Promise<{ processId: string; state: ProcessState; prompts: ProcessPrompt[] }> {
  const { client } = await loadClientFor(deps, deps.db.orm, ctx.actor, clientId, 'process.advance');
  const now = deps.clock.now();
  const today = helsinkiDay(now);
  return deps.db.orm.transaction(async (tx) => {
    // The open process, whatever its state (the one-open-process index is on state <> 'ended' too).
    const [process] = await tx.select().from(clientProcesses).where(and(eq(clientProcesses.clientId, client.id), ne(clientProcesses.state, 'ended'))).for('update');
    if (!process) throw new AppError('conflict', 'The client has no open process.', { reason: 'no_open_process' });
    const moved = transition(process.state, event);
    if (!moved.ok) throw new AppError('conflict', `The process cannot take the step "${event.type}" from "${process.state}".`, { reason: moved.reason, state: process.state });
    const ended = event.type === 'end' ? { endedAt: now, endReason: event.end.reason, endDetails: event.end } : {};
    await tx.update(clientProcesses).set({ state: moved.to, updatedAt: now, ...ended }).where(eq(clientProcesses.id, process.id));
    await tx.insert(clientProcessEvents).values({ id: deps.ids.newId(), processId: process.id, type: event.type, fromState: process.state, toState: moved.to, at: now, byUser: ctx.actor.userId });
    const step = stepOfEvent(event.type);
    if (step) await tx.update(clientProcessDeadlines).set({ metOn: today }).where(and(eq(clientProcessDeadlines.processId, process.id), eq(clientProcessDeadlines.step, step), isNull(clientProcessDeadlines.metOn)));
    // An end stops the clocks still waiting: they leave the due list and the counts, and stay on record unmet.
    if (moved.to === 'ended') await tx.update(clientProcessDeadlines).set({ stoppedOn: today }).where(and(eq(clientProcessDeadlines.processId, process.id), isNull(clientProcessDeadlines.metOn), isNull(clientProcessDeadlines.stoppedOn)));
    await writeAudit(tx, { ...ctx, at: now }, {
      action: 'process.advanced', resourceType: 'client', resourceId: client.id, siteId: client.siteId, regionId: client.regionId,
      details: { processId: process.id, event: event.type, from: process.state, to: moved.to, ...(event.type === 'end' ? { endReason: event.end.reason } : {}), prompts: moved.prompts },
    });
    return { processId: process.id, state: moved.to, prompts: moved.prompts };
  });
}

export { todayOf };
