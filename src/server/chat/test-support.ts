import type { ChatSettings } from '../../domain/chat/schemas.js';
import { makeRegion, makeSite, makeUser, signIn, type Client, type Harness, type TestUser } from '../testing/harness.js';

/** Thursday 10–12 in Helsinki: the harness clock (2026-01-15T09:00Z, 11:00 local) is within it. */
export const thursdayMorning: ChatSettings['weeklyHours'] = [{ weekday: 4, from: '10:00', to: '12:00' }];

export type ChatPlace = { regionId: string; siteId: string; coordinator: TestUser; workers: TestUser[] };

/** A region with a coordinator and two workers on the chat rota, open on Thursday mornings. */
export async function chatPlace(h: Harness, settings: Partial<ChatSettings> = {}): Promise<ChatPlace & { coordinatorClient: Client }> {
  const region = await makeRegion(h);
  const site = await makeSite(h, region.id);
  const coordinator = await makeUser(h, region.id, [{ role: 'coordinator', siteId: null }]);
  const workers = [await makeUser(h, region.id, [{ role: 'professional', siteId: site.id }], 'social_worker'), await makeUser(h, region.id, [{ role: 'professional', siteId: site.id }], 'nurse')];
  const coordinatorClient = await signIn(h, coordinator, '10.9.0.1');
  const response = await coordinatorClient.request('PUT', '/api/chat/settings', {
    weeklyHours: thursdayMorning,
    readyAnswers: ['Hei! Miten voin auttaa?'],
    rota: workers.map((w) => w.id),
    ...settings,
  });
  if (response.statusCode !== 200) throw new Error(`chat settings: ${response.statusCode} ${response.body}`);
  return { regionId: region.id, siteId: site.id, coordinator, workers, coordinatorClient };
}

/** A worker of the place signed in and online on the chat. */
export async function onlineWorker(h: Harness, worker: TestUser, address = '10.9.0.2'): Promise<Client> {
  const client = await signIn(h, worker, address);
  const response = await client.request('POST', '/api/chat/presence', { isOnline: true });
  if (response.statusCode !== 200) throw new Error(`presence: ${response.statusCode} ${response.body}`);
  return client;
}

/** Starts a visitor's chat in the region; the token is the visitor's only key to it. */
export async function startVisit(h: Harness, regionId: string): Promise<{ token: string; chatId: string }> {
  const response = await h.app.inject({ method: 'POST', url: `/api/public/chat/regions/${regionId}/chats`, payload: { topic: 'benefits' } });
  if (response.statusCode !== 201) throw new Error(`start chat: ${response.statusCode} ${response.body}`);
  return response.json<{ token: string; chatId: string }>();
}
