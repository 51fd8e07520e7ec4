import { z } from 'zod';
import { clockBases, clockSteps } from '../clients/clocks.js';
import { endReasons, processStates } from '../clients/process.js';
import { professions, roles } from '../org.js';

/**
 * What a client or an external member sees of client work on their own pages (issue 18 item 5). Shapes
 * shared by the server and the web. Nothing here names a member of staff by id, and nothing carries
 * client-record text (the need as told, an end's free text): the own view shows steps, dates and names.
 */

export const ownSessionSchema = z.object({
  kind: z.enum(['client', 'external']),
  displayName: z.string(),
  /** The client's own id (a client's pages are about them); null for an external member. */
  clientId: z.uuid().nullable(),
  csrfToken: z.string(),
});
export type OwnSession = z.infer<typeof ownSessionSchema>;

/** What a process step looked like to the person: the steps taken with their dates, the clocks that run. */
export const ownProcessSchema = z.object({
  state: z.enum(processStates),
  contactAt: z.string(),
  handlerName: z.string().nullable(),
  endedAt: z.string().nullable(),
  endReason: z.enum(endReasons).nullable(),
  /** Each move between steps, oldest first. */
  steps: z.array(z.object({ to: z.enum(processStates), at: z.string() })),
  /** The law's and the service's time limits for the assessment, with whether they were met. */
  deadlines: z.array(z.object({ basis: z.enum(clockBases), step: z.enum(clockSteps), dueOn: z.string(), metOn: z.string().nullable() })),
});
export type OwnProcess = z.infer<typeof ownProcessSchema>;

/** The parts of a client's data a consent can share with an external member. */
export const sharedParts = ['process', 'plan'] as const;
export type SharedPart = (typeof sharedParts)[number];

export const ownClientSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  /** True when the reader is the client themself. */
  isSelf: z.boolean(),
  /** What the reader may see of this client: everything of their own for the client; for an external member what the grants in force give. */
  shared: z.array(z.enum(sharedParts)),
  /** An external member's grants in force for this client (empty for the client themself). */
  grants: z.array(z.object({ part: z.enum(sharedParts), validFrom: z.string(), validTo: z.string().nullable() })),
  ownWorkerName: z.string().nullable(),
  /** null when the reader may not see the process, or there is none. */
  process: ownProcessSchema.nullable(),
});
export type OwnClient = z.infer<typeof ownClientSchema>;

export const ownClientSummarySchema = z.object({ id: z.uuid(), name: z.string(), isSelf: z.boolean(), shared: z.array(z.enum(sharedParts)) });
export type OwnClientSummary = z.infer<typeof ownClientSummarySchema>;

/** What was done with the client's data, in words a client understands (the web words each). */
export const accessKinds = [
  'viewed',
  'seen_in_list',
  'searched',
  'registered',
  'changed_details',
  'changed_team',
  'changed_process',
  'consent_recorded',
  'consent_revoked',
  'linked_visitor_code',
  'issued_invitation',
  'other',
] as const;
export type AccessKind = (typeof accessKinds)[number];

/** One line of the client's access log (Client Data Act 703/2023 § 11): when, who, in what role, what. */
export const accessLogEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  who: z.object({
    kind: z.enum(['staff', 'external']),
    name: z.string(),
    profession: z.enum(professions).nullable(),
    roles: z.array(z.enum(roles)),
  }),
  what: z.enum(accessKinds),
});
export type AccessLogEntry = z.infer<typeof accessLogEntrySchema>;

export const accessLogSchema = z.object({ entries: z.array(accessLogEntrySchema), nextCursor: z.string().nullable() });
export type AccessLog = z.infer<typeof accessLogSchema>;
