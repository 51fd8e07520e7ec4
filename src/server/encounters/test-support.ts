// Shared set-up for the outreach test files (encounters, visitor codes, referrals); not used by the app.
import { uuidv7 } from 'uuidv7';
import type { Profession } from '../../domain/org.js';
import type { EncounterView } from '../../domain/outreach-views.js';
import { createHarness, makeRegion, makeSite, makeUser, signIn, type Client, type Harness } from '../testing/harness.js';

export type Outreach = {
  h: Harness;
  regionId: string;
  siteId: string;
  nurse: Client;
  socialWorker: Client;
  /** Service ids of the region's directory by code (health_station, kela, …). */
  services: Record<string, string>;
  /** Moves the clock and signs the nurse and the social worker in again (sessions expire when idle). */
  travel(to: Date | number): Promise<void>;
};

export async function professionalAt(h: Harness, regionId: string, siteId: string | null, profession: Profession): Promise<Client> {
  return signIn(h, await makeUser(h, regionId, [{ role: 'professional', siteId }], profession));
}

let address = 0;
// Each sign-in from its own address, so that the login throttle never gets in a test's way.
const freshAddress = () => `10.66.${Math.floor(++address / 250) % 250}.${address % 250}`;

/** A region with one day centre, a nurse and a social worker working there. */
export async function setUpOutreach(h?: Harness): Promise<Outreach> {
  const harness = h ?? (await createHarness());
  const region = await makeRegion(harness);
  const site = await makeSite(harness, region.id);
  const nurseUser = await makeUser(harness, region.id, [{ role: 'professional', siteId: site.id }], 'nurse');
  const socialWorkerUser = await makeUser(harness, region.id, [{ role: 'professional', siteId: site.id }], 'social_worker');
  const nurse = await signIn(harness, nurseUser, freshAddress());
  const list = (await nurse.request('GET', '/api/services')).json<{ services: { id: string; code: string }[] }>().services;
  const o: Outreach = {
    h: harness,
    regionId: region.id,
    siteId: site.id,
    nurse,
    socialWorker: await signIn(harness, socialWorkerUser, freshAddress()),
    services: Object.fromEntries(list.map((s) => [s.code, s.id])),
    travel: async (to) => {
      if (typeof to === 'number') harness.clock.advance(to);
      else harness.clock.set(to);
      o.nurse = await signIn(harness, nurseUser, freshAddress());
      o.socialWorker = await signIn(harness, socialWorkerUser, freshAddress());
    },
  };
  return o;
}

/** A minimal valid encounter body at the harness's current time, with fresh ids. */
export function encounterBody(o: Outreach, extra: Record<string, unknown> = {}) {
  return { id: uuidv7(), siteId: o.siteId, occurredAt: o.h.clock.now().toISOString(), ...extra };
}

export function referralBody(serviceId: string, extra: Record<string, unknown> = {}) {
  return { id: uuidv7(), serviceId, way: 'advised', ...extra };
}

export type AuditRow = { action: string; actor_id: string | null; resource_id: string | null; site_id: string | null; region_id: string | null; details: Record<string, unknown> };

export async function auditRows(h: Harness, where: { resourceId?: string; action?: string }): Promise<AuditRow[]> {
  const rows = await h.db.withRawSession((s) =>
    s.query<AuditRow>('select action, actor_id, resource_id, site_id, region_id, details from audit_log order by id'),
  );
  return rows.filter((r) => (where.resourceId === undefined || r.resource_id === where.resourceId) && (where.action === undefined || r.action === where.action));
}

export async function issueCode(o: Outreach, client: Client = o.nurse): Promise<string> {
  const response = await client.request('POST', `/api/sites/${o.siteId}/visitor-codes`);
  if (response.statusCode !== 201) throw new Error(`issue failed ${response.statusCode}: ${response.body}`);
  return response.json<{ code: string }>().code;
}

/** Records an encounter and fails loudly unless it was stored (201). */
export async function record(client: Client, body: Record<string, unknown>): Promise<EncounterView> {
  const response = await client.request('POST', '/api/encounters', body);
  if (response.statusCode !== 201) throw new Error(`recording failed ${response.statusCode}: ${response.body}`);
  return response.json<EncounterView>();
}
