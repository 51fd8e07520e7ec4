import { eq } from 'drizzle-orm';
import { addWorkingDays, helsinkiDay } from '../../domain/calendar.js';
import { helpRequestInputSchema, nextHelpRequestStatus, type HelpReceipt, type HelpRequestInput, type HelpSettings, type SenderView } from '../../domain/help-requests/schemas.js';
import { writeAudit } from '../audit/write-audit.js';
import { helpRequestMessages, helpRequests } from '../db/schema-help.js';
import { regions } from '../db/schema.js';
import type { Deps } from '../deps.js';
import { conflict, notFound } from '../errors.js';
import { hashInvitationCode, newInvitationCode, normalizeInvitationCode } from '../invitations/invitation-code.js';
import { helpCounters, tooMany } from './limiter.js';
import { findByCodeHash, messagesOf, type HelpRequestRow } from './repo.js';
import { presentForSender } from './present.js';

/**
 * What a public route knows of its caller: the request id for the audit row, and the network address,
 * which is only ever counted in memory (limiter.ts) and never written anywhere.
 */
export type PublicCtx = { requestId: string | null; address: string };

const sender = (ctx: PublicCtx, at: Date) => ({ actor: null, at, requestId: ctx.requestId });

/** The public form of one region: its name and the promised answer time. */
export async function helpSettings(deps: Deps, regionId: string): Promise<HelpSettings> {
  const [region] = await deps.db.orm.select({ id: regions.id, name: regions.name }).from(regions).where(eq(regions.id, regionId));
  if (!region) throw notFound('Region');
  return { region, answerWorkingDays: deps.config.helpAnswerWorkingDays };
}

/**
 * A new request from the public form. The receipt code is made here, shown once, and stored only as
 * its SHA-256 (as invitation codes are: 100 random bits need no slow hash). Nothing about the sender's
 * connection is stored; the audit row names the request, with no actor.
 */
export async function submitHelpRequest(deps: Deps, ctx: PublicCtx, raw: HelpRequestInput): Promise<HelpReceipt> {
  const input = helpRequestInputSchema.parse(raw);
  const now = deps.clock.now();
  const { submissions } = helpCounters(deps);
  const wait = submissions.waitFor(ctx.address, now.getTime());
  if (wait > 0) throw tooMany('Many requests have been sent from this network in a short while. Wait a moment and send again.', wait);
  submissions.hit(ctx.address, now.getTime());
  const [region] = await deps.db.orm.select({ id: regions.id }).from(regions).where(eq(regions.id, input.regionId));
  if (!region) throw notFound('Region');
  const code = newInvitationCode();
  const id = deps.ids.newId();
  const receivedOn = helsinkiDay(now);
  const answerDueDay = addWorkingDays(receivedOn, deps.config.helpAnswerWorkingDays, deps.config.workingDays);
  await deps.db.orm.transaction(async (tx) => {
    await tx.insert(helpRequests).values({
      id, regionId: region.id, codeHash: hashInvitationCode(normalizeInvitationCode(code)!), language: input.language, callbackPhone: input.callbackPhone,
      status: 'new', assigneeId: null, receivedAt: now, answerDueDay, firstReplyAt: null, closedAt: null, clientId: null, consentRecordedAt: null, consentRecordedBy: null, updatedAt: now,
    });
    await tx.insert(helpRequestMessages).values({ id: deps.ids.newId(), requestId: id, author: 'sender', staffId: null, body: input.message, at: now });
    await writeAudit(tx, sender(ctx, now), {
      action: 'help_request.received', resourceType: 'help_request', resourceId: id, regionId: region.id,
      details: { language: input.language, hasCallback: input.callbackPhone !== null },
    });
  });
  return { code, receivedOn, answerDueDay, answerWorkingDays: deps.config.helpAnswerWorkingDays };
}

/**
 * The request a receipt code opens. An address that has sent too many wrong codes waits, whatever code
 * it sends now; a wrong code counts against it. A code that cannot be one is as wrong as an unknown one.
 */
async function requestByCode(deps: Deps, ctx: PublicCtx, typed: string): Promise<HelpRequestRow> {
  const now = deps.clock.now().getTime();
  const { wrongCodes } = helpCounters(deps);
  const wait = wrongCodes.waitFor(ctx.address, now);
  if (wait > 0) throw tooMany('Too many wrong codes from this network. Wait a while and try again.', wait);
  const normalized = normalizeInvitationCode(typed);
  const row = normalized === null ? null : await findByCodeHash(deps.db.orm, hashInvitationCode(normalized));
  if (!row) {
    wrongCodes.hit(ctx.address, now);
    throw notFound('Request');
  }
  return row;
}

/** The sender comes back with their code and reads the conversation (audited, with no actor). */
export async function openHelpRequest(deps: Deps, ctx: PublicCtx, code: string): Promise<SenderView> {
  const row = await requestByCode(deps, ctx, code);
  const now = deps.clock.now();
  await writeAudit(deps.db.orm, sender(ctx, now), { action: 'help_request.opened_by_sender', resourceType: 'help_request', resourceId: row.id, regionId: row.regionId });
  return presentForSender(row, await messagesOf(deps.db.orm, row.id));
}

/** The sender answers, with their code. A closed request takes no more messages: they send a new one. */
export async function senderReply(deps: Deps, ctx: PublicCtx, code: string, message: string): Promise<SenderView> {
  const row = await requestByCode(deps, ctx, code);
  const status = nextHelpRequestStatus(row.status, 'sender_replied');
  if (status === null) throw conflict('The request is closed. Send a new request instead.');
  const now = deps.clock.now();
  await deps.db.orm.transaction(async (tx) => {
    await tx.insert(helpRequestMessages).values({ id: deps.ids.newId(), requestId: row.id, author: 'sender', staffId: null, body: message, at: now });
    await tx.update(helpRequests).set({ status, updatedAt: now }).where(eq(helpRequests.id, row.id));
    await writeAudit(tx, sender(ctx, now), { action: 'help_request.sender_replied', resourceType: 'help_request', resourceId: row.id, regionId: row.regionId, details: { status } });
  });
  return presentForSender({ ...row, status }, await messagesOf(deps.db.orm, row.id));
}
