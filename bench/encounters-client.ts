// The bench's side of the encounter API: signing in over HTTP like a browser (session cookie + CSRF
// header), one JSON request at a time, and the encounter bodies every measurement sends.
import http from 'node:http';
import { uuidv7 } from 'uuidv7';
import { ageBands } from '../src/domain/code-lists.js';
import type { RequestSpec } from './load.js';

export type Session = { cookie: string; csrfToken: string; userId: string; siteId: string };

export type JsonResponse<T> = { status: number; body: T; setCookie: string[] };

/** One request with its own connection; the JSON answer is parsed. For set-up and the sequential batch sync. */
export function requestJson<T>(agent: http.Agent | false, base: string, method: 'GET' | 'POST', path: string, body?: unknown, headers: Record<string, string> = {}): Promise<JsonResponse<T>> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(new URL(path, base), {
      method,
      agent,
      timeout: 60_000,
      headers: { accept: 'application/json', ...headers, ...(payload === undefined ? {} : { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)) }) },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let parsed: unknown = text;
        try {
          parsed = text === '' ? undefined : JSON.parse(text);
        } catch {
          // keep the text: it goes into the error message below
        }
        resolve({ status: res.statusCode ?? 0, body: parsed as T, setCookie: res.headers['set-cookie'] ?? [] });
      });
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`${method} ${path}: no answer within 60 s`)));
    req.on('error', reject);
    req.end(payload);
  });
}

/** Signs in as a demo professional and finds their site, as the app does after login. */
export async function signInAs(base: string, username: string, password: string): Promise<Session> {
  type Info = { user: { id: string; roles: { role: string; siteId: string | null }[] }; csrfToken: string };
  const login = await requestJson<Info>(false, base, 'POST', '/api/auth/login', { username, password });
  if (login.status !== 200) throw new Error(`sign-in as ${username} failed: ${login.status} ${JSON.stringify(login.body)}`);
  const cookie = login.setCookie.map((c) => c.split(';')[0] ?? '').find((c) => c.startsWith('silta_session='));
  if (!cookie) throw new Error('sign-in set no silta_session cookie');
  const siteId = login.body.user.roles.find((r) => r.role === 'professional')?.siteId;
  if (!siteId) throw new Error(`${username} is not a professional of a site`);
  return { cookie, csrfToken: login.body.csrfToken, userId: login.body.user.id, siteId };
}

export const authHeaders = (session: Session): Record<string, string> => ({ cookie: session.cookie, 'x-csrf-token': session.csrfToken });

/** The first service of the region's directory, for the referrals of the bench's encounters. */
export async function firstServiceId(base: string, session: Session): Promise<string> {
  const answer = await requestJson<{ services: { id: string }[] }>(false, base, 'GET', '/api/services', undefined, authHeaders(session));
  const id = answer.body.services?.[0]?.id;
  if (answer.status !== 200 || !id) throw new Error(`no services: ${answer.status}`);
  return id;
}

/**
 * A nurse's everyday encounter: an age band, a need and the support given; every fifth one with a
 * referral. The same maker feeds the HTTP run, the in-process loop and the batch sync, so all three
 * store the same mix. Fresh ids every time: each call is a new encounter, never an idempotent repeat.
 */
export function encounterMaker(siteId: string, serviceId: string): () => Record<string, unknown> {
  let n = 0;
  return () => {
    n += 1;
    return {
      id: uuidv7(),
      siteId,
      occurredAt: new Date().toISOString(),
      ageBand: ageBands[n % ageBands.length],
      needs: ['health:blood_pressure'],
      support: ['health:measured_bp_sugar'],
      referrals: n % 5 === 0 ? [{ id: uuidv7(), serviceId, way: 'advised' }] : [],
    };
  };
}

/** Load-generator requests that each save a new encounter through POST /api/encounters. */
export function encounterRequests(session: Session, make: () => Record<string, unknown>): () => RequestSpec {
  const headers = authHeaders(session);
  return () => ({ method: 'POST', path: '/api/encounters', headers, body: JSON.stringify(make()) });
}
