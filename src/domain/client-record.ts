import { z } from 'zod';
import { clockBases, clockSteps } from './clients/clocks.js';
import { contactSources, endReasons, processStates } from './clients/process.js';
import { clientRegisters, consentPurposes, contactPreferences, granteeKinds } from './clients/schemas.js';

/**
 * A client's whole person-level record as exported for the county's official record system
 * (GET /api/clients/:clientId/record, and the printable page src/web/client-record). Silta is not the
 * archive: this is what a worker files there. It carries the full identity code, which the record needs
 * to be filed under; it travels in this body only, never in a URL or a log.
 */
export const CLIENT_RECORD_FORMAT = 'silta.client-record/1';

const instant = z.string();
const day = z.string();
const staffRef = z.uuid().nullable();

export const clientRecordSchema = z.object({
  format: z.literal(CLIENT_RECORD_FORMAT),
  exportedAt: instant,
  exportedBy: z.uuid(),
  site: z.object({ id: z.uuid(), name: z.string() }),
  client: z.object({
    id: z.uuid(),
    register: z.enum(clientRegisters),
    name: z.string(),
    identityCode: z.string().nullable(),
    preferredLanguage: z.string(),
    municipalityCode: z.string().nullable(),
    contactPreference: z.enum(contactPreferences),
    ownWorkerId: staffRef,
    createdBy: z.uuid(),
    createdAt: instant,
    updatedAt: instant,
  }),
  careTeam: z.array(z.object({ userId: z.uuid(), isHandler: z.boolean(), addedBy: z.uuid(), addedAt: instant })),
  consents: z.array(z.object({
    id: z.uuid(),
    purpose: z.enum(consentPurposes),
    granteeKind: z.enum(granteeKinds),
    granteeId: z.uuid().nullable(),
    validFrom: day,
    validTo: day.nullable(),
    recordedBy: z.uuid(),
    recordedAt: instant,
    revokedAt: instant.nullable(),
    revokedBy: staffRef,
  })),
  visitorCodes: z.array(z.object({ code: z.string(), consentId: z.uuid(), linkedFrom: instant, linkedBy: z.uuid() })),
  processes: z.array(z.object({
    id: z.uuid(),
    state: z.enum(processStates),
    contactAt: instant,
    contactSource: z.enum(contactSources),
    isStatutoryGroup: z.boolean(),
    need: z.string(),
    handlerId: staffRef,
    endedAt: instant.nullable(),
    endReason: z.enum(endReasons).nullable(),
    endDetails: z.record(z.string(), z.unknown()).nullable(),
    createdBy: z.uuid(),
    createdAt: instant,
    updatedAt: instant,
    events: z.array(z.object({ id: z.uuid(), type: z.string(), fromState: z.enum(processStates).nullable(), toState: z.enum(processStates), at: instant, byUser: staffRef })),
    deadlines: z.array(z.object({ clockKey: z.string(), basis: z.enum(clockBases), step: z.enum(clockSteps), dueOn: day, metOn: day.nullable() })),
  })),
  /** The client's own sign-in: when invitations were given and used, and credentials made or revoked (no secrets). */
  signIn: z.object({
    invitations: z.array(z.object({ id: z.uuid(), createdBy: z.uuid(), createdAt: instant, expiresAt: instant, redeemedAt: instant.nullable(), revokedAt: instant.nullable() })),
    credentials: z.array(z.object({ id: z.uuid(), kind: z.string(), createdAt: instant, revokedAt: instant.nullable() })),
  }),
  /** Everyone the record names by id (staff and external members), with their name, so the record reads on its own. */
  people: z.array(z.object({ id: z.uuid(), kind: z.enum(['staff', 'external_member']), name: z.string() })),
});
export type ClientRecord = z.infer<typeof clientRecordSchema>;
