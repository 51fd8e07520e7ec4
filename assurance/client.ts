// A minimal signed-in HTTP client for the assurance runs: a session cookie and the CSRF token,
// kept across server restarts (sessions live in the database, so they survive a crash too).
import { uuidv7 } from 'uuidv7';

export type SignedIn = { baseUrl: string; cookie: string; csrf: string; siteId: string; userId: string; needs: string[]; serviceIds: string[] };

export type EncounterBody = {
  id: string;
  siteId: string;
  occurredAt: string;
  ageBand: string;
  needs: string[];
  referrals: { id: string; serviceId: string; way: string }[];
};

export async function signInAs(baseUrl: string, username: string, password: string): Promise<SignedIn> {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify({ username, password }),
  });
  if (login.status !== 200) throw new Error(`sign-in as ${username} failed: ${login.status} ${await login.text()}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const session = (await login.json()) as { csrfToken: string; user: { id: string; roles: { role: string; siteId: string | null }[] } };
  const siteId = session.user.roles.find((r) => r.role === 'professional' && r.siteId)?.siteId;
  if (!siteId) throw new Error(`${username} has no site-scoped professional role`);
  const get = async <T>(path: string): Promise<T> => (await (await fetch(`${baseUrl}${path}`, { headers: { cookie } })).json()) as T;
  const codes = await get<{ codes: { kind: string; register: string; code: string; isActive: boolean }[] }>('/api/codes');
  const services = await get<{ services: { id: string; isActive: boolean }[] }>('/api/services');
  return {
    baseUrl,
    cookie,
    csrf: session.csrfToken,
    siteId,
    userId: session.user.id,
    needs: codes.codes.filter((c) => c.kind === 'need' && c.register === 'health' && c.isActive).map((c) => `${c.register}:${c.code}`),
    serviceIds: services.services.filter((s) => s.isActive).map((s) => s.id),
  };
}

/** A realistic encounter: one to three needs, and a referral in about a third of them. */
export function randomEncounter(s: SignedIn, random: () => number): EncounterBody {
  const needs = [...new Set(Array.from({ length: 1 + Math.floor(random() * 3) }, () => s.needs[Math.floor(random() * s.needs.length)]!))];
  const referrals = random() < 0.35 ? [{ id: uuidv7(), serviceId: s.serviceIds[Math.floor(random() * s.serviceIds.length)]!, way: 'advised' }] : [];
  return { id: uuidv7(), siteId: s.siteId, occurredAt: new Date().toISOString(), ageBand: '30_50', needs, referrals };
}

export async function postEncounter(s: SignedIn, body: EncounterBody, signal?: AbortSignal): Promise<number> {
  const response = await fetch(`${s.baseUrl}/api/encounters`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: s.cookie, 'x-csrf-token': s.csrf, origin: s.baseUrl },
    body: JSON.stringify(body),
    signal,
  });
  await response.arrayBuffer();
  return response.status;
}

/** A seeded generator, so a failing run can be repeated with the same choices. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
