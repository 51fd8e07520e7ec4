// A minimal signed-in HTTP client for the assurance runs: a session cookie and the CSRF token,
// kept across server restarts (sessions live in the database, so they survive a crash too).
import { uuidv7 } from 'uuidv7';

/** A session: its cookie, and the CSRF token its state changes must carry. */
export type Signed = { baseUrl: string; cookie: string; csrf: string };

export type SignedIn = Signed & {
  /** The sites where the user records encounters (at least one). */
  siteIds: string[];
  userId: string;
  needs: string[];
  serviceIds: string[];
};

/** Where an encounter is dated: now, or at a random moment of the last `days` days (an outbox syncing late). */
export type EncounterTiming = { withinDays: number };

export type EncounterBody = {
  id: string;
  siteId: string;
  occurredAt: string;
  ageBand: string;
  needs: string[];
  referrals: { id: string; serviceId: string; way: string }[];
};

export type Answer = { status: number; text: string; retryAfterSeconds: number | null };

/** One request as the browser sends it: the session cookie, our own Origin, and on a POST the CSRF token and a JSON body. */
export async function signedRequest(s: Signed, method: 'GET' | 'POST', path: string, body?: unknown, signal?: AbortSignal): Promise<Answer> {
  const headers: Record<string, string> = { cookie: s.cookie, origin: s.baseUrl };
  if (method === 'POST') Object.assign(headers, { 'content-type': 'application/json', 'x-csrf-token': s.csrf });
  const response = await fetch(`${s.baseUrl}${path}`, { method, headers, signal, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const retryAfter = response.headers.get('retry-after');
  return { status: response.status, text: await response.text(), retryAfterSeconds: retryAfter === null ? null : Number(retryAfter) };
}

async function signedSession(baseUrl: string, username: string, password: string) {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify({ username, password }),
  });
  if (login.status !== 200) throw new Error(`sign-in as ${username} failed: ${login.status} ${await login.text()}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const session = (await login.json()) as { csrfToken: string; user: { id: string; roles: { role: string; siteId: string | null }[] } };
  return { cookie, csrf: session.csrfToken, user: session.user };
}

export async function signInAs(baseUrl: string, username: string, password: string): Promise<SignedIn> {
  const session = await signedSession(baseUrl, username, password);
  const signed: Signed = { baseUrl, cookie: session.cookie, csrf: session.csrf };
  const siteIds = session.user.roles.flatMap((r) => (r.role === 'professional' && r.siteId ? [r.siteId] : []));
  if (siteIds.length === 0) throw new Error(`${username} has no site-scoped professional role`);
  const get = async <T>(path: string): Promise<T> => JSON.parse((await signedRequest(signed, 'GET', path)).text) as T;
  const codes = await get<{ codes: { kind: string; register: string; code: string; isActive: boolean }[] }>('/api/codes');
  const services = await get<{ services: { id: string; isActive: boolean }[] }>('/api/services');
  return {
    ...signed,
    siteIds,
    userId: session.user.id,
    needs: codes.codes.filter((c) => c.kind === 'need' && c.register === 'health' && c.isActive).map((c) => `${c.register}:${c.code}`),
    serviceIds: services.services.filter((s) => s.isActive).map((s) => s.id),
  };
}

/**
 * A realistic encounter: one to three needs, and a referral in about a third of them, at one of the
 * user's sites; dated now unless a timing spreads it over the last days.
 */
export function randomEncounter(s: SignedIn, random: () => number, timing?: EncounterTiming): EncounterBody {
  const siteId = s.siteIds[Math.floor(random() * s.siteIds.length)]!;
  const occurredAt = new Date(Date.now() - (timing ? Math.floor(random() * timing.withinDays * 86_400_000) : 0)).toISOString();
  const needs = [...new Set(Array.from({ length: 1 + Math.floor(random() * 3) }, () => s.needs[Math.floor(random() * s.needs.length)]!))];
  const referrals = random() < 0.35 ? [{ id: uuidv7(), serviceId: s.serviceIds[Math.floor(random() * s.serviceIds.length)]!, way: 'advised' }] : [];
  return { id: uuidv7(), siteId, occurredAt, ageBand: '30_50', needs, referrals };
}

export async function postEncounter(s: SignedIn, body: EncounterBody, signal?: AbortSignal): Promise<number> {
  return (await signedRequest(s, 'POST', '/api/encounters', body, signal)).status;
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

/**
 * Adds sites to the demo region (as demo.admin) and one nurse who records at all of them, so that a
 * region's load spreads over its sites as it does in use. Returns the nurse's username.
 */
export async function addRegionSites(baseUrl: string, adminPassword: string, count: number, nursePassword: string): Promise<string> {
  const admin: Signed = { baseUrl, ...(await signedSession(baseUrl, 'demo.admin', adminPassword)) };
  const call = async <T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> => {
    const answer = await signedRequest(admin, method, path, body);
    if (answer.status >= 300) throw new Error(`${method} ${path} failed: ${answer.status} ${answer.text}`);
    return JSON.parse(answer.text) as T;
  };
  const { sites } = await call<{ sites: { id: string; regionId: string }[] }>('GET', '/api/sites');
  const regionId = sites[0]!.regionId;
  const siteIds = sites.map((site) => site.id);
  for (let i = siteIds.length; i < count; i++) {
    siteIds.push((await call<{ id: string }>('POST', '/api/sites', { regionId, name: `Assurance site ${i + 1}`, kind: 'day_centre' })).id);
  }
  const username = 'assurance.nurse';
  const roles = siteIds.map((siteId) => ({ role: 'professional', siteId }));
  await call('POST', '/api/users', { regionId, username, displayName: 'Assurance Nurse', profession: 'nurse', password: nursePassword, roles });
  return username;
}
