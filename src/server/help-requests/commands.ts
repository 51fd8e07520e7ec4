import { and, eq, isNull } from 'drizzle-orm';
import { can, type Action } from '../../domain/policy/index.js';
import { nextHelpRequestStatus, type HelpConvertInput, type HelpRequestDetail, type HelpRequestPatch, type HelpRequestStatus } from '../../domain/help-requests/schemas.js';
import { writeAudit } from '../audit/write-audit.js';
import { assertSocialRegister, createClient } from '../clients/commands.js';
import { sites } from '../db/schema.js';
import { authorize } from '../policy/policy.js';
import type { Executor } from '../db/connect.js';
import { helpRequestMessages, helpRequestNotes, helpRequests } from '../db/schema-help.js';
import type { Deps } from '../deps.js';
import { AppError, conflict, notFound } from '../errors.js';
import type { Ctx } from '../http/context.js';
import { assignableStaff, displayNames, findHelpRequest, helpRequestFacts, messagesOf, notesOf, type HelpRequestRow } from './repo.js';
import { presentDetail } from './present.js';

const ACTION: Action = 'help_request.handle';

/**
 * Loads a request for the guidance team. One the caller may not handle — another region's, unassigned
 * to them, or none at all — is the same 404, so request ids cannot be probed.
 */
export async function loadHelpRequestFor(deps: Deps, ex: Executor, ctx: Ctx, id: string): Promise<HelpRequestRow> {
  const row = await findHelpRequest(ex, id);
  if (!row || !can(ctx.actor, ACTION, helpRequestFacts(row))) throw notFound('Request');
  return row;
}

/** The request as the team sees it. Every staff read writes an audit row (ids only). */
export async function readHelpRequest(deps: Deps, ctx: Ctx, id: string, audit = true): Promise<HelpRequestDetail> {
  const ex = deps.db.orm;
  const row = await loadHelpRequestFor(deps, ex, ctx, id);
  const [messages, notes, assignable] = [await messagesOf(ex, id), await notesOf(ex, id), await assignableStaff(ex, row.regionId)];
  const names = await displayNames(ex, [...messages.flatMap((m) => (m.staffId ? [m.staffId] : [])), ...notes.map((n) => n.authorId), ...(row.assigneeId ? [row.assigneeId] : [])]);
  const now = deps.clock.now();
  if (audit) await writeAudit(ex, { ...ctx, at: now }, { action: 'help_request.read', resourceType: 'help_request', resourceId: row.id, regionId: row.regionId });
  return presentDetail(row, messages, notes, names, assignable, now);
}

/** One change to a request, in a transaction with its audit row; the answer is the request as it now is. */
async function change(deps: Deps, ctx: Ctx, id: string, audit: string, apply: (tx: Executor, row: HelpRequestRow, now: Date) => Promise<Record<string, unknown>>): Promise<HelpRequestDetail> {
  await deps.db.orm.transaction(async (tx) => {
    const row = await loadHelpRequestFor(deps, tx, ctx, id);
    const now = deps.clock.now();
    const details = await apply(tx, row, now);
    await writeAudit(tx, { ...ctx, at: now }, { action: audit, resourceType: 'help_request', resourceId: row.id, regionId: row.regionId, details });
  });
  return readHelpRequest(deps, ctx, id, false);
}

const statusColumns = (status: HelpRequestStatus, row: HelpRequestRow, now: Date) => ({
  status,
  closedAt: status === 'closed' ? (row.status === 'closed' ? row.closedAt : now) : null,
});

/** Assigns (or unassigns) and sets the state by hand. Only the named fields change. */
export function updateHelpRequest(deps: Deps, ctx: Ctx, id: string, patch: HelpRequestPatch): Promise<HelpRequestDetail> {
  return change(deps, ctx, id, 'help_request.updated', async (tx, row, now) => {
    let status = row.status;
    let assigneeId = row.assigneeId;
    if (patch.assigneeId !== undefined) {
      if (patch.assigneeId !== null && !(await assignableStaff(tx, row.regionId)).some((s) => s.id === patch.assigneeId)) {
        throw new AppError('bad_request', 'Requests are assigned to the region\'s active coordinators and professionals.', { field: 'assigneeId' });
      }
      assigneeId = patch.assigneeId;
      if (assigneeId !== null) status = nextHelpRequestStatus(status, 'assigned') ?? status;
    }
    if (patch.status !== undefined) {
      const next = nextHelpRequestStatus(status, { set: patch.status });
      if (next === null) throw conflict(`A request cannot go from ${status} to ${patch.status}.`);
      status = next;
    }
    await tx.update(helpRequests).set({ assigneeId, ...statusColumns(status, row, now), updatedAt: now }).where(eq(helpRequests.id, row.id));
    return { fields: Object.keys(patch).sort(), status, assigneeId };
  });
}

/** An internal note of the team: never shown to the sender. */
export function addHelpNote(deps: Deps, ctx: Ctx, id: string, text: string): Promise<HelpRequestDetail> {
  return change(deps, ctx, id, 'help_request.noted', async (tx, row, now) => {
    const noteId = deps.ids.newId();
    await tx.insert(helpRequestNotes).values({ id: noteId, requestId: row.id, authorId: ctx.actor.userId, body: text, at: now });
    await tx.update(helpRequests).set({ updatedAt: now }).where(eq(helpRequests.id, row.id));
    return { noteId };
  });
}

/**
 * A reply to the sender. It waits in Silta until the sender comes back with their code: no e-mail or
 * text message carries it (or even announces it), because the channel knows no address to send to.
 */
export function replyToSender(deps: Deps, ctx: Ctx, id: string, text: string): Promise<HelpRequestDetail> {
  return change(deps, ctx, id, 'help_request.replied', async (tx, row, now) => {
    const status = nextHelpRequestStatus(row.status, 'staff_replied');
    if (status === null) throw conflict('The request is closed; reopen it to reply.');
    const messageId = deps.ids.newId();
    await tx.insert(helpRequestMessages).values({ id: messageId, requestId: row.id, author: 'staff', staffId: ctx.actor.userId, body: text, at: now });
    // The first answer: the one whose time the promise is about. Whoever replies takes the request if nobody had.
    await tx.update(helpRequests).set({
      status, firstReplyAt: row.firstReplyAt ?? now, assigneeId: row.assigneeId ?? ctx.actor.userId, closedAt: null, updatedAt: now,
    }).where(eq(helpRequests.id, row.id));
    return { messageId, status };
  });
}

/**
 * Turns the request into a client contact of the client process (source 'ask_for_help'), with the
 * person's consent recorded on the request: who recorded it and when. The client is registered as any
 * contact is (src/server/clients), by a professional of the social-welfare register at the chosen site;
 * the need is the sender's first message. A request becomes a client once.
 */
export async function convertToClient(deps: Deps, ctx: Ctx, id: string, input: HelpConvertInput): Promise<{ clientId: string; request: HelpRequestDetail }> {
  // The client rules first, as registering any contact asks them: whether the caller may register a client at the site at all.
  assertSocialRegister(ctx.actor);
  const [site] = await deps.db.orm.select({ id: sites.id, regionId: sites.regionId }).from(sites).where(eq(sites.id, input.siteId));
  if (!site || site.regionId !== ctx.actor.regionId) throw notFound('Site');
  authorize(ctx.actor, 'client.create', { regionId: site.regionId, siteId: site.id });
  const row = await loadHelpRequestFor(deps, deps.db.orm, ctx, id);
  if (row.clientId !== null) throw conflict('The request is already a client contact.');
  const [first] = await messagesOf(deps.db.orm, row.id);
  const { clientId, processId } = await createClient(deps, ctx, {
    siteId: input.siteId,
    name: input.name,
    preferredLanguage: input.preferredLanguage,
    contactPreference: row.callbackPhone !== null ? 'phone' : 'in_person',
    existingClientsChecked: true,
    contact: { source: 'ask_for_help', at: row.receivedAt.toISOString(), isStatutoryGroup: input.isStatutoryGroup, need: first?.body ?? '-' },
  });
  const now = deps.clock.now();
  await deps.db.orm.transaction(async (tx) => {
    // Guarded on no client yet: of two conversions at once, the second leaves the request alone (its client stays, audited).
    const updated = await tx.update(helpRequests).set({ clientId, consentRecordedAt: now, consentRecordedBy: ctx.actor.userId, updatedAt: now })
      .where(and(eq(helpRequests.id, row.id), isNull(helpRequests.clientId)))
      .returning({ id: helpRequests.id });
    await writeAudit(tx, { ...ctx, at: now }, {
      action: 'help_request.converted', resourceType: 'help_request', resourceId: row.id, regionId: row.regionId,
      details: { clientId, processId, siteId: input.siteId, consent: true, linked: updated.length === 1 },
    });
  });
  return { clientId, request: await readHelpRequest(deps, ctx, id, false) };
}
