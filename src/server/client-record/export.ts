import { and, asc, eq, inArray } from 'drizzle-orm';
import { CLIENT_RECORD_FORMAT, type ClientRecord } from '../../domain/client-record.js';
import { writeAudit } from '../audit/write-audit.js';
import { loadClientFor, type Ctx } from '../clients/access.js';
import type { Executor } from '../db/connect.js';
import { clientCareTeam, clientConsents, clientProcessDeadlines, clientProcesses, clientProcessEvents, clientVisitorCodes } from '../db/schema-clients.js';
import { externalMembers, invitations, principalCredentials } from '../db/schema-signin.js';
import { sites, users } from '../db/schema.js';
import type { Deps } from '../deps.js';

const iso = (d: Date) => d.toISOString();
const isoOrNull = (d: Date | null) => (d === null ? null : d.toISOString());

/**
 * One client's whole person-level record for the county's official record system, read in one
 * transaction (a consistent snapshot) and audited as `client.exported`. Only the workers around the
 * client may (rule `client.export`); anyone else gets what a read would answer (404 when unrelated).
 */
export async function exportClientRecord(deps: Deps, ctx: Ctx, clientId: string): Promise<ClientRecord> {
  return deps.db.orm.transaction(async (tx) => {
    const { client } = await loadClientFor(deps, tx, ctx.actor, clientId, 'client.export');
    const now = deps.clock.now();
    const [site] = await tx.select({ id: sites.id, name: sites.name }).from(sites).where(eq(sites.id, client.siteId));
    const team = await tx.select().from(clientCareTeam).where(eq(clientCareTeam.clientId, client.id)).orderBy(asc(clientCareTeam.addedAt), asc(clientCareTeam.userId));
    const consents = await tx.select().from(clientConsents).where(eq(clientConsents.clientId, client.id)).orderBy(asc(clientConsents.recordedAt), asc(clientConsents.id));
    const codes = await tx.select().from(clientVisitorCodes).where(eq(clientVisitorCodes.clientId, client.id)).orderBy(asc(clientVisitorCodes.linkedFrom));
    const processes = await tx.select().from(clientProcesses).where(eq(clientProcesses.clientId, client.id)).orderBy(asc(clientProcesses.contactAt), asc(clientProcesses.id));
    const processIds = processes.map((p) => p.id);
    const events = processIds.length === 0 ? [] : await tx.select().from(clientProcessEvents).where(inArray(clientProcessEvents.processId, processIds)).orderBy(asc(clientProcessEvents.at), asc(clientProcessEvents.id));
    const deadlines = processIds.length === 0 ? [] : await tx.select().from(clientProcessDeadlines).where(inArray(clientProcessDeadlines.processId, processIds)).orderBy(asc(clientProcessDeadlines.clockKey));
    const ofClient = <T extends typeof invitations | typeof principalCredentials>(t: T) => and(eq(t.principalKind, 'client'), eq(t.principalId, client.id));
    const invites = await tx.select().from(invitations).where(ofClient(invitations)).orderBy(asc(invitations.createdAt));
    const credentials = await tx.select().from(principalCredentials).where(ofClient(principalCredentials)).orderBy(asc(principalCredentials.createdAt));

    const record: ClientRecord = {
      format: CLIENT_RECORD_FORMAT,
      exportedAt: iso(now),
      exportedBy: ctx.actor.userId,
      site: { id: client.siteId, name: site?.name ?? '' },
      client: {
        id: client.id, register: client.register, name: client.name, identityCode: client.identityCode, preferredLanguage: client.preferredLanguage,
        municipalityCode: client.municipalityCode, contactPreference: client.contactPreference, ownWorkerId: client.ownWorkerId,
        createdBy: client.createdBy, createdAt: iso(client.createdAt), updatedAt: iso(client.updatedAt),
      },
      careTeam: team.map((m) => ({ userId: m.userId, isHandler: m.isHandler, addedBy: m.addedBy, addedAt: iso(m.addedAt) })),
      consents: consents.map((c) => ({
        id: c.id, purpose: c.purpose, granteeKind: c.granteeKind, granteeId: c.granteeId, validFrom: c.validFrom, validTo: c.validTo,
        recordedBy: c.recordedBy, recordedAt: iso(c.recordedAt), revokedAt: isoOrNull(c.revokedAt), revokedBy: c.revokedBy,
      })),
      visitorCodes: codes.map((v) => ({ code: v.visitorCode, consentId: v.consentId, linkedFrom: iso(v.linkedFrom), linkedBy: v.linkedBy })),
      processes: processes.map((p) => ({
        id: p.id, state: p.state, contactAt: iso(p.contactAt), contactSource: p.contactSource, isStatutoryGroup: p.isStatutoryGroup, need: p.need,
        handlerId: p.handlerId, endedAt: isoOrNull(p.endedAt), endReason: p.endReason ?? null, endDetails: (p.endDetails as Record<string, unknown> | null) ?? null,
        createdBy: p.createdBy, createdAt: iso(p.createdAt), updatedAt: iso(p.updatedAt),
        events: events.filter((e) => e.processId === p.id).map((e) => ({ id: e.id, type: e.type, fromState: e.fromState ?? null, toState: e.toState, at: iso(e.at), byUser: e.byUser })),
        deadlines: deadlines.filter((d) => d.processId === p.id).map((d) => ({ clockKey: d.clockKey, basis: d.basis, step: d.step, dueOn: d.dueOn, metOn: d.metOn })),
      })),
      signIn: {
        invitations: invites.map((i) => ({ id: i.id, createdBy: i.createdBy, createdAt: iso(i.createdAt), expiresAt: iso(i.expiresAt), redeemedAt: isoOrNull(i.redeemedAt), revokedAt: isoOrNull(i.revokedAt) })),
        credentials: credentials.map((c) => ({ id: c.id, kind: c.kind, createdAt: iso(c.createdAt), revokedAt: isoOrNull(c.revokedAt) })),
      },
      people: [],
    };
    record.people = await peopleNamed(tx, record);
    // Ids only: the export is a read of the whole record, logged like every read (Client Data Act 703/2023).
    await writeAudit(tx, { ...ctx, at: now }, { action: 'client.exported', resourceType: 'client', resourceId: client.id, siteId: client.siteId, regionId: client.regionId, details: { format: CLIENT_RECORD_FORMAT } });
    return record;
  });
}

/** The staff and external members the record names by id, with their names. */
async function peopleNamed(ex: Executor, r: ClientRecord): Promise<ClientRecord['people']> {
  const staffIds = new Set<string>([r.exportedBy, r.client.createdBy]);
  const add = (id: string | null) => void (id && staffIds.add(id));
  add(r.client.ownWorkerId);
  for (const m of r.careTeam) [m.userId, m.addedBy].forEach(add);
  for (const c of r.consents) [c.recordedBy, c.revokedBy, c.granteeKind === 'user' ? c.granteeId : null].forEach(add);
  for (const v of r.visitorCodes) add(v.linkedBy);
  for (const p of r.processes) [p.handlerId, p.createdBy, ...p.events.map((e) => e.byUser)].forEach(add);
  for (const i of r.signIn.invitations) add(i.createdBy);
  const memberIds = [...new Set(r.consents.filter((c) => c.granteeKind === 'external' && c.granteeId).map((c) => c.granteeId!))];
  const staff = await ex.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, [...staffIds]));
  const members = memberIds.length === 0 ? [] : await ex.select({ id: externalMembers.id, name: externalMembers.displayName }).from(externalMembers).where(inArray(externalMembers.id, memberIds));
  return [
    ...staff.map((s) => ({ id: s.id, kind: 'staff' as const, name: s.name })),
    ...members.map((m) => ({ id: m.id, kind: 'external_member' as const, name: m.name })),
  ].sort((a, b) => a.id.localeCompare(b.id));
}
