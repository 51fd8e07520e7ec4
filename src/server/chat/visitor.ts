import { randomBytes } from 'node:crypto';
import { isWithinOpeningHours, nextOpening } from '../../domain/chat/opening.js';
import type { ChatStatus, ChatTopic, VisitState } from '../../domain/chat/schemas.js';
import type { Deps } from '../deps.js';
import { conflict, notFound } from '../errors.js';
import { appendEvent, chatByToken, countOnline, countQueued, endChat, hashToken, insertChat, queuePosition, readChannel, saveFeedback, type ChatRow } from './repo.js';

/** Feedback is taken for this long after a chat ends; then the token is of no more use. */
export const FEEDBACK_WINDOW_MS = 30 * 60_000;

/**
 * The visitor's side of the anonymous chat. The visitor is no one: a random token in their browser is
 * all that ties them to the chat, and only its hash is stored. Nothing about the request (address,
 * browser) is kept, and these changes write no audit row, as anonymous feedback does not: an audit row's
 * exact time and request id would be a trace of the visitor.
 */
export async function chatStatus(deps: Deps, regionId: string): Promise<ChatStatus> {
  const now = deps.clock.now();
  const { weeklyHours } = await readChannel(deps.db.orm, regionId);
  const isWithinHours = isWithinOpeningHours(now, weeklyHours);
  const online = isWithinHours ? await countOnline(deps.db.orm, regionId, now) : 0;
  const next = nextOpening(now, weeklyHours);
  return {
    isOpen: isWithinHours && online > 0,
    isWithinHours,
    nextOpening: next ? { from: next.from.toISOString(), to: next.to.toISOString() } : null,
    queueLength: isWithinHours ? await countQueued(deps.db.orm, regionId) : 0,
  };
}

export async function startChat(deps: Deps, regionId: string, topic: ChatTopic | null): Promise<{ token: string; chatId: string }> {
  const status = await chatStatus(deps, regionId);
  if (!status.isOpen) throw conflict('The chat is closed now.');
  const token = randomBytes(32).toString('base64url');
  const chatId = deps.ids.newId();
  await insertChat(deps.db.orm, { id: chatId, regionId, tokenHash: hashToken(token), topic, now: deps.clock.now() });
  return { token, chatId };
}

async function visit(deps: Deps, token: string): Promise<ChatRow> {
  const chat = await chatByToken(deps.db.orm, hashToken(token));
  if (!chat) throw notFound('Chat');
  return chat;
}

/** The visit's chat, found by its token: for the stream route. */
export const chatOfVisit = visit;

const canGiveFeedback = (chat: ChatRow, now: Date) =>
  chat.status === 'ended' && chat.feedback === null && chat.answeredAt !== null && chat.endedAt !== null && now.getTime() - chat.endedAt.getTime() < FEEDBACK_WINDOW_MS;

export async function visitState(deps: Deps, token: string): Promise<VisitState> {
  const chat = await visit(deps, token);
  return {
    status: chat.status,
    queuePosition: chat.status === 'queued' ? await queuePosition(deps.db.orm, chat) : null,
    lastSeq: chat.lastSeq,
    canGiveFeedback: canGiveFeedback(chat, deps.clock.now()),
  };
}

export async function visitorSend(deps: Deps, token: string, body: string): Promise<{ seq: number }> {
  return deps.db.orm.transaction(async (tx) => {
    const chat = await chatByToken(tx, hashToken(token), true);
    if (!chat) throw notFound('Chat');
    if (chat.status === 'ended') throw conflict('The chat has ended.');
    return { seq: (await appendEvent(tx, chat.id, 'visitor', body, deps.clock.now())).seq };
  });
}

export async function visitorEnd(deps: Deps, token: string): Promise<void> {
  await deps.db.orm.transaction(async (tx) => {
    const chat = await chatByToken(tx, hashToken(token), true);
    if (!chat) throw notFound('Chat');
    if (chat.status === 'ended') return;
    const now = deps.clock.now();
    await appendEvent(tx, chat.id, 'ended', 'visitor', now);
    await endChat(tx, chat.id, { at: now, by: 'visitor', topic: null, outcome: chat.answeredAt ? 'advised' : 'unanswered' });
  });
}

export async function giveFeedback(deps: Deps, token: string, rating: number): Promise<void> {
  await deps.db.orm.transaction(async (tx) => {
    const chat = await chatByToken(tx, hashToken(token), true);
    if (!chat) throw notFound('Chat');
    if (!canGiveFeedback(chat, deps.clock.now())) throw conflict('Feedback is taken once, after an answered chat has ended.');
    await saveFeedback(tx, chat.id, rating);
  });
}
