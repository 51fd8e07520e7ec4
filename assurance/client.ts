// A minimal signed-in HTTP client for the assurance runs: a session cookie and the CSRF token,
// kept across server restarts (sessions live in the database, so they survive a crash too).
import { uuidv7 } from 'uuidv7';

export type SignedIn = {
  baseUrl: string;
  cookie: string;
  csrf: string;
  /** The first site where the user records encounters, and all of them. */
  siteId: string;
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
  const { cookie } = session;
  const siteIds = session.user.roles.flatMap((r) => (r.role === 'professional' && r.siteId ? [r.siteId] : []));
  const siteId = siteIds[0];
  if (!siteId) throw new Error(`${username} has no site-scoped professional role`);
  const get = async <T>(path: string): Promise<T> => (await (await fetch(`${baseUrl}${path}`, { headers: { cookie } })).json()) as T;
  const codes = await get<{ codes: { kind: string; register: string; code: string; isActive: boolean }[] }>('/api/codes');
  const services = await get<{ services: { id: string; isActive: boolean }[] }>('/api/services');
  return {
    baseUrl,
    cookie,
    csrf: session.csrf,
    siteId,
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

/**
 * Adds sites to the demo region (as demo.admin) and one nurse who records at all of them, so that a
 * region's load spreads over its sites as it does in use. Returns the nurse's username.
 */
export async function addRegionSites(baseUrl: string, adminPassword: string, count: number, nursePassword: string): Promise<string> {
  const admin = await signedSession(baseUrl, 'demo.admin', adminPassword);
  const call = async <T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { cookie: admin.cookie, origin: baseUrl, ...(body === undefined ? {} : { 'content-type': 'application/json', 'x-csrf-token': admin.csrf }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (response.status >= 300) throw new Error(`${method} ${path} failed: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
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
