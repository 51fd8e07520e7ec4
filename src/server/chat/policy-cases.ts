import { randomBytes } from 'node:crypto';
import { noPlace, ofRegion, type Fixture, type PolicyCases } from '../testing/policy-matrix.js';
import { appendEvent, endChat, hashToken, insertChat, replaceRota, setOnlineUntil, takeChat, writeChannel } from './repo.js';

// The chat is the region's, not a site's: the region's staff with the role answer it from any site,
// another region's chat does not exist for them (404). The visitor's routes are public, reached by the
// visit's secret token. The coordinator keeps the hours and the rota; the report is counts only.
const answerers = ['nurse', 'social_worker', 'daycentre_staff', 'coordinator'] as const;
const allDay = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, from: '00:00', to: '24:00' }));

/** The caller's region's chat open all week, with its staff at the caller's site on the rota and online. */
async function openChannel(f: Fixture): Promise<void> {
  const ex = f.h.deps.db.orm;
  const now = f.h.clock.now();
  const staff = [f.own.users.nurse, f.own.users.social_worker, f.own.users.daycentre_staff, f.own.users.coordinator];
  await writeChannel(ex, f.own.regionId, { weeklyHours: allDay, readyAnswers: ['Hei!'] }, now);
  await replaceRota(ex, f.own.regionId, staff.map((u) => u.id));
  for (const u of staff) await setOnlineUntil(ex, f.own.regionId, u.id, new Date(now.getTime() + 3600_000));
}

type ChatState = 'queued' | 'active' | 'ended' | 'ended_answered';

/** A chat in the aimed-at region, taken by the caller (or the own site's nurse) when not queued. */
async function chatIn(f: Fixture, state: ChatState): Promise<{ chatId: string; token: string }> {
  await openChannel(f);
  const ex = f.h.deps.db.orm;
  const now = f.h.clock.now();
  const token = randomBytes(32).toString('base64url');
  const chatId = f.h.deps.ids.newId();
  await insertChat(ex, { id: chatId, regionId: f.regionId, tokenHash: hashToken(token), topic: null, now });
  if (state === 'queued') return { chatId, token };
  await takeChat(ex, chatId, (f.caller ?? f.own.users.nurse).id, now);
  await appendEvent(ex, chatId, 'accepted', '', now);
  if (state.startsWith('ended')) {
    await appendEvent(ex, chatId, 'ended', 'worker', now);
    await endChat(ex, chatId, { at: now, by: 'worker', topic: 'other', outcome: 'advised' });
  }
  return { chatId, token };
}

/**
 * A colleague to hand the caller's chat to: online on the rota, not the caller. Aimed at the other
 * region, that region's own nurse (the chat is not found there first; an id of the caller's own region
 * sent there would count as the other region's in the matrix's leak check).
 */
const colleagueOf = (f: Fixture) =>
  (f.place === 'otherRegion' ? f.users.nurse : f.caller?.id === f.own.users.nurse.id ? f.own.users.social_worker : f.own.users.nurse).id;

const visitPlace = noPlace('Public: the visitor\'s own chat, reached by its secret token');

export const chatPolicyCases: PolicyCases = {
  'GET /api/public/chat/regions/:regionId/status': {
    places: noPlace('Public: whether a region\'s chat is open is for anyone to read, by design'),
    allow: 'public',
    request: (f) => ({ url: `/api/public/chat/regions/${f.regionId}/status` }),
  },
  'POST /api/public/chat/regions/:regionId/chats': {
    places: noPlace('Public: anyone may start a chat in a region whose chat is open'),
    allow: 'public',
    request: async (f) => (await openChannel(f), { url: `/api/public/chat/regions/${f.regionId}/chats`, body: {} }),
  },
  'GET /api/public/chat/visits/:visitToken': { places: visitPlace, allow: 'public', request: async (f) => ({ url: `/api/public/chat/visits/${(await chatIn(f, 'queued')).token}` }) },
  'POST /api/public/chat/visits/:visitToken/messages': {
    places: visitPlace,
    allow: 'public',
    request: async (f) => ({ url: `/api/public/chat/visits/${(await chatIn(f, 'active')).token}/messages`, body: { body: 'Hei' } }),
  },
  'POST /api/public/chat/visits/:visitToken/end': { places: visitPlace, allow: 'public', request: async (f) => ({ url: `/api/public/chat/visits/${(await chatIn(f, 'active')).token}/end` }) },
  'POST /api/public/chat/visits/:visitToken/feedback': {
    places: visitPlace,
    allow: 'public',
    request: async (f) => ({ url: `/api/public/chat/visits/${(await chatIn(f, 'ended_answered')).token}/feedback`, body: { rating: 4 } }),
  },
  // An ended chat: the stream sends its end and closes, so the matrix's call returns.
  'GET /api/public/chat/visits/:visitToken/stream': { places: visitPlace, allow: 'public', request: async (f) => ({ url: `/api/public/chat/visits/${(await chatIn(f, 'ended')).token}/stream` }) },
  'GET /api/chat/console': {
    places: noPlace('The caller\'s own region\'s chat: its queue and the caller\'s own chats'),
    allow: [...answerers],
    request: async (f) => (await openChannel(f), { url: '/api/chat/console' }),
  },
  'POST /api/chat/presence': {
    places: noPlace('The caller\'s own presence on their own region\'s rota'),
    allow: [...answerers],
    request: async (f) => (await openChannel(f), { url: '/api/chat/presence', body: { isOnline: true } }),
  },
  'POST /api/chat/chats/:chatId/accept': { places: ofRegion, allow: [...answerers], request: async (f) => ({ url: `/api/chat/chats/${(await chatIn(f, 'queued')).chatId}/accept` }) },
  'POST /api/chat/chats/:chatId/messages': {
    places: ofRegion,
    allow: [...answerers],
    request: async (f) => ({ url: `/api/chat/chats/${(await chatIn(f, 'active')).chatId}/messages`, body: { body: 'Hei, miten voin auttaa?' } }),
  },
  'POST /api/chat/chats/:chatId/handover': {
    places: ofRegion,
    allow: [...answerers],
    request: async (f) => ({ url: `/api/chat/chats/${(await chatIn(f, 'active')).chatId}/handover`, body: { toUserId: colleagueOf(f) } }),
  },
  'POST /api/chat/chats/:chatId/end': {
    places: ofRegion,
    allow: [...answerers],
    request: async (f) => ({ url: `/api/chat/chats/${(await chatIn(f, 'active')).chatId}/end`, body: { topic: 'contact_info', outcome: 'advised' } }),
  },
  'GET /api/chat/chats/:chatId/stream': { places: ofRegion, allow: [...answerers], request: async (f) => ({ url: `/api/chat/chats/${(await chatIn(f, 'ended')).chatId}/stream` }) },
  'GET /api/chat/settings': { places: noPlace('The caller\'s own region\'s chat settings'), allow: ['coordinator'], request: () => ({ url: '/api/chat/settings' }) },
  'PUT /api/chat/settings': {
    places: noPlace('The caller\'s own region\'s chat settings; the rota must be of that region'),
    allow: ['coordinator'],
    request: (f) => ({ url: '/api/chat/settings', body: { weeklyHours: allDay, readyAnswers: ['Hei!'], rota: [f.own.users.nurse.id, f.own.users.social_worker.id, f.own.users.daycentre_staff.id, f.own.users.coordinator.id] } }),
  },
  'GET /api/chat/report': { places: noPlace('Counts of the caller\'s own region\'s chats'), allow: ['coordinator', 'manager'], request: () => ({ url: '/api/chat/report?from=2026-01-01&to=2026-01-31' }) },
};
