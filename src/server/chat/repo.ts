import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { WeeklyOpening } from '../../domain/chat/opening.js';
import type { ChatEvent, ChatEventKind, ChatOutcome, ChatTopic } from '../../domain/chat/schemas.js';
import { rowsOf, type Executor } from '../db/connect.js';
import { CHAT_CHANNEL, payloadOf } from './bus.js';

export type ChatStatusName = 'queued' | 'active' | 'ended';
export type ChatRow = {
  id: string;
  regionId: string;
  status: ChatStatusName;
  createdAt: Date;
  answeredAt: Date | null;
  endedAt: Date | null;
  workerId: string | null;
  lastSeq: number;
  topic: ChatTopic | null;
  feedback: number | null;
};
export type Channel = { weeklyHours: WeeklyOpening[]; readyAnswers: string[] };

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

const chatColumns = sql`id, region_id as "regionId", status, created_at as "createdAt", answered_at as "answeredAt", ended_at as "endedAt",
  worker_id as "workerId", last_seq as "lastSeq", topic, feedback`;

const asDate = (v: Date | string | null): Date | null => (v === null ? null : new Date(v));
function toChat(row: ChatRow): ChatRow {
  return { ...row, createdAt: new Date(row.createdAt), answeredAt: asDate(row.answeredAt), endedAt: asDate(row.endedAt), lastSeq: Number(row.lastSeq) };
}

export async function readChannel(ex: Executor, regionId: string): Promise<Channel> {
  const [row] = rowsOf<{ weeklyHours: WeeklyOpening[]; readyAnswers: string[] }>(
    await ex.execute(sql`select weekly_hours as "weeklyHours", ready_answers as "readyAnswers" from chat_channels where region_id = ${regionId}`),
  );
  return row ?? { weeklyHours: [], readyAnswers: [] };
}

export async function writeChannel(ex: Executor, regionId: string, channel: Channel, now: Date): Promise<void> {
  await ex.execute(sql`insert into chat_channels (region_id, weekly_hours, ready_answers, updated_at)
    values (${regionId}, ${JSON.stringify(channel.weeklyHours)}::jsonb, ${JSON.stringify(channel.readyAnswers)}::jsonb, ${now})
    on conflict (region_id) do update set weekly_hours = excluded.weekly_hours, ready_answers = excluded.ready_answers, updated_at = excluded.updated_at`);
}

export async function readRota(ex: Executor, regionId: string): Promise<{ userId: string; displayName: string; onlineUntil: Date | null }[]> {
  const rows = rowsOf<{ userId: string; displayName: string; onlineUntil: Date | string | null }>(await ex.execute(sql`
    select r.user_id as "userId", u.display_name as "displayName", r.online_until as "onlineUntil"
    from chat_rota r join users u on u.id = r.user_id where r.region_id = ${regionId} order by u.display_name`));
  return rows.map((r) => ({ ...r, onlineUntil: asDate(r.onlineUntil) }));
}

export async function replaceRota(ex: Executor, regionId: string, userIds: string[]): Promise<void> {
  for (const row of await readRota(ex, regionId)) {
    if (!userIds.includes(row.userId)) await ex.execute(sql`delete from chat_rota where region_id = ${regionId} and user_id = ${row.userId}`);
  }
  for (const userId of userIds) await ex.execute(sql`insert into chat_rota (region_id, user_id) values (${regionId}, ${userId}) on conflict do nothing`);
}

export async function setOnlineUntil(ex: Executor, regionId: string, userId: string, until: Date | null): Promise<boolean> {
  const rows = rowsOf<{ userId: string }>(await ex.execute(sql`update chat_rota set online_until = ${until} where region_id = ${regionId} and user_id = ${userId} returning user_id as "userId"`));
  return rows.length > 0;
}

export async function countOnline(ex: Executor, regionId: string, now: Date): Promise<number> {
  const [row] = rowsOf<{ n: number }>(await ex.execute(sql`select count(*)::int as n from chat_rota where region_id = ${regionId} and online_until > ${now}`));
  return Number(row?.n ?? 0);
}

export async function countQueued(ex: Executor, regionId: string): Promise<number> {
  const [row] = rowsOf<{ n: number }>(await ex.execute(sql`select count(*)::int as n from chat_sessions where region_id = ${regionId} and status = 'queued'`));
  return Number(row?.n ?? 0);
}

/** 1 = next in line. */
export async function queuePosition(ex: Executor, chat: ChatRow): Promise<number> {
  const [row] = rowsOf<{ n: number }>(await ex.execute(sql`select count(*)::int as n from chat_sessions
    where region_id = ${chat.regionId} and status = 'queued' and (created_at, id) <= (${chat.createdAt}, ${chat.id})`));
  return Number(row?.n ?? 1);
}

export async function insertChat(ex: Executor, chat: { id: string; regionId: string; tokenHash: string; topic: ChatTopic | null; now: Date }): Promise<void> {
  await ex.execute(sql`insert into chat_sessions (id, region_id, visitor_token_hash, status, created_at, topic)
    values (${chat.id}, ${chat.regionId}, ${chat.tokenHash}, 'queued', ${chat.now}, ${chat.topic})`);
}

export async function chatByToken(ex: Executor, tokenHash: string, lock = false): Promise<ChatRow | null> {
  const rows = rowsOf<ChatRow>(await ex.execute(sql`select ${chatColumns} from chat_sessions where visitor_token_hash = ${tokenHash} ${lock ? sql`for update` : sql``}`));
  return rows[0] ? toChat(rows[0]) : null;
}

export async function chatById(ex: Executor, chatId: string, lock = false): Promise<ChatRow | null> {
  const rows = rowsOf<ChatRow>(await ex.execute(sql`select ${chatColumns} from chat_sessions where id = ${chatId} ${lock ? sql`for update` : sql``}`));
  return rows[0] ? toChat(rows[0]) : null;
}

export async function openChats(ex: Executor, regionId: string): Promise<ChatRow[]> {
  const rows = rowsOf<ChatRow>(await ex.execute(sql`select ${chatColumns} from chat_sessions where region_id = ${regionId} and status in ('queued','active') order by created_at, id`));
  return rows.map(toChat);
}

/**
 * Stores the chat's next event under its next sequence number and announces it (NOTIFY is delivered
 * when the transaction commits, so no process hears of an event it cannot yet read). Call it inside the
 * transaction that holds the chat's row.
 */
export async function appendEvent(ex: Executor, chatId: string, kind: ChatEventKind, body: string, at: Date): Promise<ChatEvent> {
  const [row] = rowsOf<{ seq: number }>(await ex.execute(sql`update chat_sessions set last_seq = last_seq + 1 where id = ${chatId} returning last_seq as seq`));
  const seq = Number(row!.seq);
  await ex.execute(sql`insert into chat_messages (chat_id, seq, kind, body, at) values (${chatId}, ${seq}, ${kind}, ${body}, ${at})`);
  const event: ChatEvent = { seq, kind, body, at: at.toISOString() };
  await ex.execute(sql`select pg_notify(${CHAT_CHANNEL}, ${payloadOf(chatId, event)})`);
  return event;
}

/** A chat's events after `after`; once it has ended (its text deleted) only the end itself. */
export async function eventsAfter(ex: Executor, chatId: string, after: number): Promise<ChatEvent[]> {
  const rows = rowsOf<{ seq: number; kind: ChatEventKind; body: string; at: Date | string }>(await ex.execute(sql`
    select seq, kind, body, at from chat_messages where chat_id = ${chatId} and seq > ${after} order by seq`));
  const events = rows.map((r) => ({ seq: Number(r.seq), kind: r.kind, body: r.body, at: new Date(r.at).toISOString() }));
  if (events.length > 0) return events;
  const chat = await chatById(ex, chatId);
  if (chat?.status === 'ended' && chat.lastSeq > after) return [{ seq: chat.lastSeq, kind: 'ended', body: '', at: (chat.endedAt ?? new Date()).toISOString() }];
  return [];
}

/** Ends the chat: its tallies stay, its text goes. */
export async function endChat(ex: Executor, chatId: string, end: { at: Date; by: 'visitor' | 'worker' | 'timeout'; topic: ChatTopic | null; outcome: ChatOutcome }): Promise<void> {
  await ex.execute(sql`update chat_sessions set status = 'ended', ended_at = ${end.at}, ended_by = ${end.by},
    topic = coalesce(${end.topic}, topic), outcome = ${end.outcome} where id = ${chatId}`);
  await ex.execute(sql`delete from chat_messages where chat_id = ${chatId}`);
}

export async function takeChat(ex: Executor, chatId: string, workerId: string, at: Date | null): Promise<void> {
  await ex.execute(sql`update chat_sessions set status = 'active', worker_id = ${workerId}, answered_at = coalesce(answered_at, ${at}) where id = ${chatId}`);
}

export async function saveFeedback(ex: Executor, chatId: string, rating: number): Promise<void> {
  // The token has done its work: from now on nothing links anyone to this chat's tallies.
  await ex.execute(sql`update chat_sessions set feedback = ${rating}, visitor_token_hash = null where id = ${chatId}`);
}

/** Chats of the region still waiting in the queue since before `before` (the visitor has most likely left). */
export async function staleQueued(ex: Executor, regionId: string, before: Date): Promise<string[]> {
  return rowsOf<{ id: string }>(await ex.execute(sql`select id from chat_sessions where region_id = ${regionId} and status = 'queued' and created_at < ${before}`)).map((r) => r.id);
}

/** Forgets the visitor tokens of chats that ended before `before`: their feedback time is over. */
export async function forgetTokens(ex: Executor, regionId: string, before: Date): Promise<void> {
  await ex.execute(sql`update chat_sessions set visitor_token_hash = null
    where region_id = ${regionId} and status = 'ended' and ended_at < ${before} and visitor_token_hash is not null`);
}
