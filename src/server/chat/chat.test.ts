import { describe, expect, it } from 'vitest';
import type { ChatEvent, ChatStatus, VisitState } from '../../domain/chat/schemas.js';
import { createHarness } from '../testing/harness.js';
import { readChatStream } from '../testing/chat-stream-client.js';
import { testEngine } from '../testing/test-db.js';
import { chatPlace, onlineWorker, startVisit } from './test-support.js';

const status = async (h: Awaited<ReturnType<typeof createHarness>>, regionId: string) =>
  (await h.app.inject({ method: 'GET', url: `/api/public/chat/regions/${regionId}/status` })).json<ChatStatus>();

const waitFor = async (check: () => boolean, ms = 5000) => {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describe(`anonymous chat on ${testEngine}`, () => {
  it('is open only within its hours while a rota worker is online, and closed on a public holiday', async () => {
    const h = await createHarness();
    const place = await chatPlace(h);
    expect((await status(h, place.regionId)).isOpen).toBe(false);
    await onlineWorker(h, place.workers[0]!);
    const open = await status(h, place.regionId);
    expect(open).toMatchObject({ isOpen: true, isWithinHours: true });
    // 13:00 Helsinki on the same Thursday: after hours, the next opening is a week later.
    h.clock.set(new Date('2026-01-15T11:00:00Z'));
    expect(await status(h, place.regionId)).toMatchObject({ isOpen: false, nextOpening: { from: '2026-01-22T08:00:00.000Z', to: '2026-01-22T10:00:00.000Z' } });
    // Ascension Day 2026 is Thursday 14 May: closed although a worker is online then.
    h.clock.set(new Date('2026-05-14T08:00:00Z'));
    await onlineWorker(h, place.workers[0]!, '10.9.0.3');
    expect(await status(h, place.regionId)).toMatchObject({ isOpen: false, isWithinHours: false, nextOpening: { from: '2026-05-21T07:00:00.000Z' } });
    const refused = await h.app.inject({ method: 'POST', url: `/api/public/chat/regions/${place.regionId}/chats`, payload: {} });
    expect(refused.statusCode).toBe(409);
  });

  it('queues a visitor, lets a worker take the chat, streams both ways and resumes after the last seq', async () => {
    const h = await createHarness();
    await h.app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(h.app.server.address() as { port: number }).port}`;
    const place = await chatPlace(h);
    const worker = await onlineWorker(h, place.workers[0]!);
    const first = await startVisit(h, place.regionId);
    const second = await startVisit(h, place.regionId);
    const state = (token: string) => h.app.inject({ method: 'GET', url: `/api/public/chat/visits/${token}` }).then((r) => r.json<VisitState>());
    expect((await state(second.token)).queuePosition).toBe(2);

    const seenByVisitor: ChatEvent[] = [];
    const visitorStream = readChatStream({ url: () => `${base}/api/public/chat/visits/${first.token}/stream`, onEvent: (e) => seenByVisitor.push(e) });
    expect((await worker.request('POST', `/api/chat/chats/${first.chatId}/accept`)).statusCode).toBe(200);
    expect((await state(second.token)).queuePosition).toBe(1);
    const seenByWorker: ChatEvent[] = [];
    const workerStream = readChatStream({
      url: () => `${base}/api/chat/chats/${first.chatId}/stream`,
      headers: { cookie: `silta_session=${worker.cookie}` },
      onEvent: (e) => seenByWorker.push(e),
    });
    await h.app.inject({ method: 'POST', url: `/api/public/chat/visits/${first.token}/messages`, payload: { body: 'Mistä saan toimeentulotukea?' } });
    await worker.request('POST', `/api/chat/chats/${first.chatId}/messages`, { body: 'Kelasta: hakemus verkossa.' });
    await waitFor(() => seenByVisitor.length >= 3 && seenByWorker.length >= 3);
    expect(seenByVisitor.map((e) => e.kind)).toEqual(['accepted', 'visitor', 'worker']);
    expect(seenByWorker.map((e) => e.seq)).toEqual([1, 2, 3]);

    // A visitor that reconnects from seq 2 gets seq 3 only, once.
    const resumed: ChatEvent[] = [];
    const again = readChatStream({ url: () => `${base}/api/public/chat/visits/${first.token}/stream`, after: 2, onEvent: (e) => resumed.push(e) });
    await waitFor(() => resumed.length >= 1);
    expect(resumed.map((e) => e.seq)).toEqual([3]);

    expect((await worker.request('POST', `/api/chat/chats/${first.chatId}/end`, { topic: 'benefits', outcome: 'advised' })).statusCode).toBe(200);
    await Promise.all([visitorStream.ended, workerStream.ended, again.ended]);
    expect(seenByVisitor.at(-1)?.kind).toBe('ended');
    // Only the tallies remain: no text, and feedback once.
    const texts = await h.db.withRawSession((s) => s.query<{ n: number }>(`select count(*)::int as n from chat_messages where chat_id = '${first.chatId}'`));
    expect(Number(texts[0]!.n)).toBe(0);
    expect((await h.app.inject({ method: 'POST', url: `/api/public/chat/visits/${first.token}/feedback`, payload: { rating: 5 } })).statusCode).toBe(200);
    expect((await h.app.inject({ method: 'GET', url: `/api/public/chat/visits/${first.token}` })).statusCode).toBe(404);
    const report = await place.coordinatorClient.request('GET', '/api/chat/report?from=2026-01-01&to=2026-01-31');
    expect(report.json()).toMatchObject({ chats: 2, answered: 1, topics: [{ topic: 'benefits', chats: 2 }], feedback: { answers: 1, average: 5 } });
  });

  it('hands a chat to an online colleague, who then answers it and the first worker no longer can', async () => {
    const h = await createHarness();
    const place = await chatPlace(h);
    const [a, b] = [await onlineWorker(h, place.workers[0]!), await onlineWorker(h, place.workers[1]!, '10.9.0.4')];
    const visit = await startVisit(h, place.regionId);
    await a.request('POST', `/api/chat/chats/${visit.chatId}/accept`);
    expect((await a.request('POST', `/api/chat/chats/${visit.chatId}/handover`, { toUserId: place.workers[1]!.id })).statusCode).toBe(200);
    expect((await a.request('POST', `/api/chat/chats/${visit.chatId}/messages`, { body: 'x' })).statusCode).toBe(403);
    expect((await b.request('POST', `/api/chat/chats/${visit.chatId}/messages`, { body: 'Jatkan tästä.' })).statusCode).toBe(201);
    expect((await b.request('GET', '/api/chat/console')).json()).toMatchObject({ mine: [{ chatId: visit.chatId }] });
  });

  it('stores no address or agent of the visitor anywhere in the chat tables', async () => {
    const h = await createHarness();
    const place = await chatPlace(h);
    await onlineWorker(h, place.workers[0]!);
    await h.app.inject({ method: 'POST', url: `/api/public/chat/regions/${place.regionId}/chats`, payload: {}, remoteAddress: '203.0.113.77', headers: { 'user-agent': 'VisitorAgent/1.0' } });
    const dump = JSON.stringify(await h.db.withRawSession((s) => s.query('select * from chat_sessions')));
    expect(dump).not.toContain('203.0.113.77');
    expect(dump).not.toContain('VisitorAgent');
    const columns = await h.db.withRawSession((s) => s.query<{ column_name: string }>("select column_name from information_schema.columns where table_name like 'chat_%'"));
    expect(columns.map((c) => c.column_name).filter((c) => /ip|address|agent/.test(c))).toEqual([]);
  });
});

describe(`anonymous chat tidying on ${testEngine}`, () => {
  it('closes a chat left waiting half an hour as unanswered, and forgets ended chats\' tokens after the feedback time', async () => {
    const h = await createHarness();
    const place = await chatPlace(h);
    const worker = await onlineWorker(h, place.workers[0]!);
    const left = await startVisit(h, place.regionId);
    const answered = await startVisit(h, place.regionId);
    await worker.request('POST', `/api/chat/chats/${answered.chatId}/accept`);
    await worker.request('POST', `/api/chat/chats/${answered.chatId}/end`, { topic: 'other', outcome: 'advised' });
    h.clock.advance(31 * 60_000);
    expect((await worker.request('GET', '/api/chat/console')).json()).toMatchObject({ queue: [] });
    const rows = await h.db.withRawSession((s) => s.query<{ id: string; outcome: string; token: string | null }>('select id, outcome, visitor_token_hash as token from chat_sessions'));
    expect(rows.find((r) => r.id === left.chatId)).toMatchObject({ outcome: 'unanswered', token: expect.any(String) });
    expect(rows.find((r) => r.id === answered.chatId)).toMatchObject({ outcome: 'advised', token: null });
  });
});
