import { sql } from 'drizzle-orm';
import type { ChatConsole, ChatOutcome, ChatSettings, ChatTopic } from '../../domain/chat/schemas.js';
import { writeAudit } from '../audit/write-audit.js';
import { rowsOf, type Executor } from '../db/connect.js';
import type { Deps } from '../deps.js';
import { AppError, conflict, forbidden, notFound } from '../errors.js';
import type { RequestContext } from '../http/context.js';
import { chatStatus, FEEDBACK_WINDOW_MS } from './visitor.js';
import { appendEvent, chatById, endChat, forgetTokens, openChats, staleQueued, readChannel, readRota, replaceRota, setOnlineUntil, takeChat, writeChannel, type ChatRow } from './repo.js';

/** A chat left waiting this long is closed as unanswered: its visitor has most likely gone. */
export const QUEUE_TIMEOUT_MS = 30 * 60_000;

/**
 * Tidies the region's chats when a worker looks (no job needed: a chat only matters while the console
 * is open): closes chats waiting past the timeout, and forgets visitor tokens whose feedback time is over.
 */
async function tidy(deps: Deps, regionId: string, now: Date): Promise<void> {
  for (const chatId of await staleQueued(deps.db.orm, regionId, new Date(now.getTime() - QUEUE_TIMEOUT_MS))) {
    await deps.db.orm.transaction(async (tx) => {
      const chat = await chatById(tx, chatId, true);
      if (chat?.status !== 'queued') return;
      await appendEvent(tx, chatId, 'ended', 'timeout', now);
      await endChat(tx, chatId, { at: now, by: 'timeout', topic: null, outcome: 'unanswered' });
    });
  }
  await forgetTokens(deps.db.orm, regionId, new Date(now.getTime() - FEEDBACK_WINDOW_MS));
}

/** A console that is open renews its worker's presence; one closed without signing off lapses after this. */
export const PRESENCE_MS = 90_000;

const auditCtx = (ctx: RequestContext) => ({ actor: ctx.actor, at: ctx.now, requestId: ctx.requestId });

/** The chat, if it is of the worker's region (another region's chat does not exist for them). */
async function regionChat(ex: Executor, ctx: RequestContext, chatId: string, lock = false): Promise<ChatRow> {
  const chat = await chatById(ex, chatId, lock);
  if (!chat || chat.regionId !== ctx.actor.regionId) throw notFound('Chat');
  return chat;
}

/** The chat the caller is answering now: anyone else's is refused. */
async function myActiveChat(ex: Executor, ctx: RequestContext, chatId: string): Promise<ChatRow> {
  const chat = await regionChat(ex, ctx, chatId, true);
  if (chat.status !== 'active' || chat.workerId !== ctx.actor.userId) throw forbidden();
  return chat;
}

/**
 * The worker's console: the queue, their own chats, who else is online and the ready answers. Reading
 * it renews the caller's presence when they are online (the open console polls it), so a closed
 * browser stops showing the chat as open within PRESENCE_MS.
 */
export async function readConsole(deps: Deps, ctx: RequestContext): Promise<ChatConsole> {
  const regionId = ctx.actor.regionId;
  await tidy(deps, regionId, ctx.now);
  const rota = await readRota(deps.db.orm, regionId);
  const me = rota.find((r) => r.userId === ctx.actor.userId);
  const isOnline = !!me?.onlineUntil && me.onlineUntil > ctx.now;
  if (isOnline) await setOnlineUntil(deps.db.orm, regionId, ctx.actor.userId, new Date(ctx.now.getTime() + PRESENCE_MS));
  const chats = await openChats(deps.db.orm, regionId);
  const view = (c: ChatRow) => ({ chatId: c.id, status: c.status as 'queued' | 'active', createdAt: c.createdAt.toISOString(), topic: c.topic, isMine: c.workerId === ctx.actor.userId });
  return {
    isOnRota: !!me,
    isOnline,
    status: await chatStatus(deps, regionId),
    queue: chats.filter((c) => c.status === 'queued').map(view),
    mine: chats.filter((c) => c.status === 'active' && c.workerId === ctx.actor.userId).map(view),
    colleaguesOnline: rota.filter((r) => r.userId !== ctx.actor.userId && r.onlineUntil && r.onlineUntil > ctx.now).map((r) => ({ userId: r.userId, displayName: r.displayName })),
    readyAnswers: (await readChannel(deps.db.orm, regionId)).readyAnswers,
  };
}

export async function setPresence(deps: Deps, ctx: RequestContext, isOnline: boolean): Promise<void> {
  await deps.db.orm.transaction(async (tx) => {
    const until = isOnline ? new Date(ctx.now.getTime() + PRESENCE_MS) : null;
    if (!(await setOnlineUntil(tx, ctx.actor.regionId, ctx.actor.userId, until))) throw forbidden();
    await writeAudit(tx, auditCtx(ctx), { action: 'chat.presence_changed', resourceType: 'chat_channel', resourceId: ctx.actor.regionId, details: { isOnline } });
  });
}

export async function acceptChat(deps: Deps, ctx: RequestContext, chatId: string): Promise<void> {
  await deps.db.orm.transaction(async (tx) => {
    const chat = await regionChat(tx, ctx, chatId, true);
    if (chat.status !== 'queued') throw conflict('Someone has already taken this chat, or it has ended.');
    await takeChat(tx, chat.id, ctx.actor.userId, ctx.now);
    await appendEvent(tx, chat.id, 'accepted', '', ctx.now);
    await writeAudit(tx, auditCtx(ctx), { action: 'chat.accepted', resourceType: 'chat', resourceId: chat.id });
  });
}

/** A worker's message: not audited, being neither a read nor a change of anyone's data (the chat is anonymous). */
export async function workerSend(deps: Deps, ctx: RequestContext, chatId: string, body: string): Promise<{ seq: number }> {
  return deps.db.orm.transaction(async (tx) => {
    const chat = await myActiveChat(tx, ctx, chatId);
    return { seq: (await appendEvent(tx, chat.id, 'worker', body, ctx.now)).seq };
  });
}

export async function handOver(deps: Deps, ctx: RequestContext, chatId: string, toUserId: string): Promise<void> {
  await deps.db.orm.transaction(async (tx) => {
    const chat = await myActiveChat(tx, ctx, chatId);
    const colleague = (await readRota(tx, chat.regionId)).find((r) => r.userId === toUserId);
    if (!colleague || toUserId === ctx.actor.userId || !colleague.onlineUntil || colleague.onlineUntil <= ctx.now) {
      throw conflict('The colleague is not online on the chat rota.');
    }
    await takeChat(tx, chat.id, toUserId, null);
    await appendEvent(tx, chat.id, 'handed_over', '', ctx.now);
    await writeAudit(tx, auditCtx(ctx), { action: 'chat.handed_over', resourceType: 'chat', resourceId: chat.id, details: { toUserId } });
  });
}

export async function workerEnd(deps: Deps, ctx: RequestContext, chatId: string, end: { topic: ChatTopic; outcome: ChatOutcome }): Promise<void> {
  await deps.db.orm.transaction(async (tx) => {
    const chat = await myActiveChat(tx, ctx, chatId);
    await appendEvent(tx, chat.id, 'ended', 'worker', ctx.now);
    await endChat(tx, chat.id, { at: ctx.now, by: 'worker', ...end });
    await writeAudit(tx, auditCtx(ctx), { action: 'chat.ended', resourceType: 'chat', resourceId: chat.id, details: { topic: end.topic, outcome: end.outcome } });
  });
}

/** The worker's own chat, for their stream: the one they answer now. */
export async function workerChat(deps: Deps, ctx: RequestContext, chatId: string): Promise<ChatRow> {
  const chat = await regionChat(deps.db.orm, ctx, chatId);
  if (chat.workerId !== ctx.actor.userId) throw forbidden();
  return chat;
}

export async function readSettings(deps: Deps, ctx: RequestContext): Promise<ChatSettings> {
  const channel = await readChannel(deps.db.orm, ctx.actor.regionId);
  const rota = await readRota(deps.db.orm, ctx.actor.regionId);
  return { weeklyHours: channel.weeklyHours, readyAnswers: channel.readyAnswers, rota: rota.map((r) => r.userId) };
}

export async function saveSettings(deps: Deps, ctx: RequestContext, settings: ChatSettings): Promise<ChatSettings> {
  const regionId = ctx.actor.regionId;
  const rota = [...new Set(settings.rota)];
  await deps.db.orm.transaction(async (tx) => {
    const known = rota.length === 0 ? [] : rowsOf<{ id: string }>(await tx.execute(sql`select id from users where region_id = ${regionId} and is_active and id in (${sql.join(rota.map((id) => sql`${id}`), sql`, `)})`));
    if (known.length !== rota.length) throw new AppError('bad_request', 'Every rota member must be an active user of the region.');
    await writeChannel(tx, regionId, { weeklyHours: settings.weeklyHours, readyAnswers: settings.readyAnswers }, ctx.now);
    await replaceRota(tx, regionId, rota);
    await writeAudit(tx, auditCtx(ctx), { action: 'chat.settings_updated', resourceType: 'chat_channel', resourceId: regionId, details: { rota } });
  });
  return readSettings(deps, ctx);
}
