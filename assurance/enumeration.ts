// User enumeration at sign-in: does the answer, or how long it takes, tell whether a username
// exists? Interleaved wrong-password sign-ins for existing and unknown usernames against the real
// server (production argon2id parameters), each from its own loopback address (a real source address,
// not a header: no X-Forwarded-For is trusted) so throttling stays out of it.
import http from 'node:http';
import { freePort, stopServer } from '../bench/process.js';
import { summarize, type Summary } from '../bench/stats.js';
import { DEMO_PASSWORD, prepareEngine, start } from './crash.js';

export type EnumerationResult = {
  attemptsEach: number;
  existing: Summary;
  unknown: Summary;
  /** |median unknown − median existing| in ms. */
  medianGapMs: number;
  boundMs: number;
  /** Whether every answer had the same status and body for both. */
  sameAnswers: boolean;
  answers: string[];
  withinBound: boolean;
};

/** The gap allowed between the medians: network and scheduling noise on a shared machine, not a hash. */
const boundFor = (existingMedianMs: number) => Math.max(10, Math.round(existingMedianMs * 0.2));

type Posted = { status: number; text: string; ms: number; cookie: string };

/** A JSON POST from `localAddress` (any 127.x.y.z reaches a server on 127.0.0.1 on Linux). */
function post(baseUrl: string, path: string, body: unknown, headers: Record<string, string> = {}, localAddress = '127.0.0.1'): Promise<Posted> {
  const url = new URL(path, baseUrl);
  const payload = JSON.stringify(body);
  const startedAt = performance.now();
  return new Promise((resolve, reject) => {
    const request = http.request({
      host: url.hostname, port: url.port, path: url.pathname, method: 'POST', localAddress, agent: false,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), origin: baseUrl, ...headers },
    }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => {
        const setCookie = response.headers['set-cookie']?.[0] ?? '';
        resolve({ status: response.statusCode ?? 0, text, ms: performance.now() - startedAt, cookie: setCookie.split(';')[0]! });
      });
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(payload);
  });
}

/** The n-th distinct loopback source address, never 127.0.0.1 (the admin's). */
const loopback = (n: number) => `127.10.${Math.floor(n / 250)}.${(n % 250) + 1}`;

export async function runEnumeration(attemptsEach: number, log: (line: string) => void): Promise<EnumerationResult> {
  const target = await prepareEngine('pglite');
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const server = await start(port, { ...target.env, SILTA_DEMO_PASSWORD: DEMO_PASSWORD, LOG_LEVEL: 'error' });
  try {
    const login = await post(baseUrl, '/api/auth/login', { username: 'demo.admin', password: DEMO_PASSWORD });
    if (login.status !== 200) throw new Error(`admin sign-in failed: ${login.status}`);
    const session = JSON.parse(login.text) as { csrfToken: string; user: { regionId: string } };
    const warmUp = 5;
    log(`enumeration: making ${attemptsEach + warmUp} accounts`);
    for (let i = 0; i < attemptsEach + warmUp; i++) {
      const made = await post(baseUrl, '/api/users', {
        regionId: session.user.regionId, username: `timing.probe${i}`, displayName: `Timing probe ${i}`, password: `timing probe password ${i} long enough`, roles: [{ role: 'auditor', siteId: null }],
      }, { cookie: login.cookie, 'x-csrf-token': session.csrfToken });
      if (made.status !== 201) throw new Error(`making an account failed: ${made.status} ${made.text}`);
    }
    const existing: number[] = [];
    const unknown: number[] = [];
    const answers = new Set<string>();
    let address = 0;
    const attempt = async (username: string) => {
      address += 1;
      const answer = await post(baseUrl, '/api/auth/login', { username, password: 'certainly not the password' }, {}, loopback(address));
      answers.add(`${answer.status} ${answer.text}`);
      return answer.ms;
    };
    for (let i = 0; i < warmUp; i++) {
      await attempt(`timing.probe${attemptsEach + i}`);
      await attempt(`nobody.warmup${i}`);
    }
    answers.clear();
    log(`enumeration: ${attemptsEach} wrong-password sign-ins each for existing and unknown usernames, interleaved`);
    for (let i = 0; i < attemptsEach; i++) {
      // Alternate which goes first, so a slow moment of the machine does not always hit the same side.
      if (i % 2 === 0) {
        existing.push(await attempt(`timing.probe${i}`));
        unknown.push(await attempt(`nobody.probe${i}`));
      } else {
        unknown.push(await attempt(`nobody.probe${i}`));
        existing.push(await attempt(`timing.probe${i}`));
      }
    }
    const e = summarize(existing);
    const u = summarize(unknown);
    const medianGapMs = Math.round(Math.abs(u.median - e.median) * 10) / 10;
    const boundMs = boundFor(e.median);
    const sameAnswers = answers.size === 1;
    return { attemptsEach, existing: e, unknown: u, medianGapMs, boundMs, sameAnswers, answers: [...answers].map((a) => a.slice(0, 200)), withinBound: sameAnswers && medianGapMs <= boundMs };
  } finally {
    await stopServer(server);
    await target.dispose();
  }
}
