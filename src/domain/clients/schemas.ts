import { z } from 'zod';
import { isCalendarDay } from '../calendar.js';
import { clockBases, clockSteps, clockUnits, deadlineStatuses } from './clocks.js';
import { contactSources, endReasons, processEventTypes, processStates } from './process.js';

/**
 * Clients of the social-welfare register: input and answer shapes shared by the server and the web.
 * The identity code is checked by `checkIdentityCode` in the command (so that the refusal can say
 * which part is wrong), not here.
 */

/** The register a client record belongs to. Health and social-welfare records are separate registers in Finnish law. */
export const clientRegisters = ['social'] as const;
export type ClientRegister = (typeof clientRegisters)[number];

export const contactPreferences = ['phone', 'text_message', 'email', 'letter', 'in_person', 'through_own_worker'] as const;
export type ContactPreference = (typeof contactPreferences)[number];

/** What a consent lets be shared or done. `link_visitor_code` has no grantee: it lets the visitor code be joined to the record. */
export const consentPurposes = ['share_process', 'share_plan', 'contact_partner', 'link_visitor_code'] as const;
export type ConsentPurpose = (typeof consentPurposes)[number];

/** Who a consent is given to: a unit, a member of staff, an external member (third sector, relative), or nobody (a visitor-code link). */
export const granteeKinds = ['unit', 'user', 'external', 'none'] as const;
export type GranteeKind = (typeof granteeKinds)[number];

const day = z.string().refine(isCalendarDay, 'a date as YYYY-MM-DD');
const name = z.string().trim().min(1).max(200);
/** ISO 639 language code: fi, sv, en, se (Northern Sámi), ar, so, ru… */
const language = z.string().trim().toLowerCase().regex(/^[a-z]{2,3}$/, 'an ISO 639 language code');
/** Statistics Finland's three-digit municipality code ('091' Helsinki). */
const municipalityCode = z.string().regex(/^\d{3}$/, 'a three-digit municipality code');
const identityCode = z.string().max(20);

export const contactInputSchema = z.object({
  source: z.enum(contactSources),
  /** When the contact came; now if left out. */
  at: z.iso.datetime({ offset: true }).optional(),
  /** The client is in a group SHL 36 § 2 names: the working-day clock runs. */
  isStatutoryGroup: z.boolean(),
  /** The need or concern as told (SHL contact record). Client-record content: never audited. */
  need: z.string().trim().min(1).max(4000),
  /** Who takes the case on; the recorder if left out. */
  handlerId: z.uuid().optional(),
});
export type ContactInput = z.infer<typeof contactInputSchema>;

export const clientInputSchema = z.object({
  siteId: z.uuid(),
  name,
  identityCode: identityCode.optional(),
  preferredLanguage: language,
  municipalityCode: municipalityCode.optional(),
  contactPreference: z.enum(contactPreferences),
  contact: contactInputSchema,
  /** The existing-client check was made and its answer seen (requirements § 1.3 rule 2). */
  existingClientsChecked: z.literal(true),
});
export type ClientInput = z.infer<typeof clientInputSchema>;

export const clientUpdateSchema = z.object({
  name,
  /** null clears the code. */
  identityCode: identityCode.nullable(),
  preferredLanguage: language,
  municipalityCode: municipalityCode.nullable(),
  contactPreference: z.enum(contactPreferences),
  ownWorkerId: z.uuid().nullable(),
}).partial();
export type ClientUpdate = z.infer<typeof clientUpdateSchema>;

export const careTeamInputSchema = z.object({ memberIds: z.array(z.uuid()).max(50) });

export const lookupInputSchema = z.object({ identityCode: identityCode.optional(), name: name.optional() })
  .refine((l) => l.identityCode !== undefined || l.name !== undefined, 'give an identity code or a name');
export type LookupInput = z.infer<typeof lookupInputSchema>;

export const consentInputSchema = z.object({
  purpose: z.enum(consentPurposes),
  grantee: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('unit'), id: z.uuid() }),
    z.object({ kind: z.literal('user'), id: z.uuid() }),
    z.object({ kind: z.literal('external'), id: z.uuid() }),
    z.object({ kind: z.literal('none') }),
  ]),
  validFrom: day,
  validTo: day.optional(),
}).refine((c) => c.validTo === undefined || c.validTo >= c.validFrom, { message: 'validTo is on or after validFrom', path: ['validTo'] })
  .refine((c) => (c.purpose === 'link_visitor_code') === (c.grantee.kind === 'none'), { message: 'a visitor-code link has no grantee; sharing has one', path: ['grantee'] });
export type ConsentInput = z.infer<typeof consentInputSchema>;

export const visitorCodeLinkInputSchema = z.object({ code: z.string().trim().min(1).max(40), consentId: z.uuid() });

// Answers.

const person = z.object({ id: z.uuid(), displayName: z.string() });

export const deadlineSchema = z.object({
  clockKey: z.string(),
  basis: z.enum(clockBases),
  step: z.enum(clockSteps),
  dueOn: z.string(),
  metOn: z.string().nullable(),
  status: z.enum(deadlineStatuses),
});

export const processSchema = z.object({
  id: z.uuid(),
  state: z.enum(processStates),
  contactAt: z.string(),
  contactSource: z.enum(contactSources),
  isStatutoryGroup: z.boolean(),
  need: z.string(),
  handler: person.nullable(),
  endedAt: z.string().nullable(),
  endReason: z.enum(endReasons).nullable(),
  nextEvents: z.array(z.enum(processEventTypes)),
  deadlines: z.array(deadlineSchema),
  events: z.array(z.object({ type: z.string(), at: z.string(), from: z.enum(processStates).nullable(), to: z.enum(processStates), by: person.nullable() })),
});

export const consentSchema = z.object({
  id: z.uuid(),
  purpose: z.enum(consentPurposes),
  granteeKind: z.enum(granteeKinds),
  granteeId: z.uuid().nullable(),
  granteeName: z.string().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  revokedAt: z.string().nullable(),
  isActive: z.boolean(),
});

export const clientDetailSchema = z.object({
  id: z.uuid(),
  register: z.enum(clientRegisters),
  siteId: z.uuid(),
  name: z.string(),
  /** Masked: birth date and century sign only. */
  identityCodeMasked: z.string().nullable(),
  preferredLanguage: z.string(),
  municipalityCode: z.string().nullable(),
  contactPreference: z.enum(contactPreferences),
  ownWorker: person.nullable(),
  careTeam: z.array(person),
  consents: z.array(consentSchema),
  visitorCodes: z.array(z.object({ code: z.string(), linkedFrom: z.string() })),
  /** Encounters under a linked code since it was linked; earlier ones stay anonymous and are never counted. */
  encountersSinceLinked: z.number().int(),
  process: processSchema.nullable(),
  /** What the caller may do with this client (decided by the rules, for the web's buttons). */
  can: z.object({ update: z.boolean(), manageConsents: z.boolean(), advanceProcess: z.boolean(), export: z.boolean() }),
});
export type ClientDetail = z.infer<typeof clientDetailSchema>;

export const clientSummarySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  identityCodeMasked: z.string().nullable(),
  state: z.enum(processStates).nullable(),
  isOwnClient: z.boolean(),
  /** The most pressing open deadline, if any. */
  nextDeadline: deadlineSchema.nullable(),
});

export const dueItemSchema = z.object({ clientId: z.uuid(), name: z.string(), state: z.enum(processStates), deadline: deadlineSchema });

/** A configured clock, so that every figure can say which clock it counts and how long it is. */
export const clockInfoSchema = z.object({
  key: z.string(),
  basis: z.enum(clockBases),
  step: z.enum(clockSteps),
  limit: z.object({ count: z.number().int(), unit: z.enum(clockUnits) }),
  source: z.string(),
});
export type ClockInfo = z.infer<typeof clockInfoSchema>;

/** The worker's home: their own clients' steps due within `dueSoonDays` or overdue. */
export const dueListSchema = z.object({ today: z.string(), dueSoonDays: z.number().int(), clocks: z.array(clockInfoSchema), items: z.array(dueItemSchema) });
export type DueList = z.infer<typeof dueListSchema>;

const clockCountSchema = z.object({ clockKey: z.string(), basis: z.enum(clockBases), step: z.enum(clockSteps), overdue: z.number().int(), dueSoon: z.number().int() });

/** The coordinator's counts per clock: in total over the sites they may count, and per site. No client is named. */
export const dueCountsSchema = z.object({
  today: z.string(),
  dueSoonDays: z.number().int(),
  clocks: z.array(clockInfoSchema),
  totals: z.array(clockCountSchema),
  sites: z.array(z.object({ siteId: z.uuid(), siteName: z.string(), counts: z.array(clockCountSchema) })),
});
export type DueCounts = z.infer<typeof dueCountsSchema>;

export const lookupAnswerSchema = z.object({
  matches: z.array(z.object({
    /** `name_and_birth_day`: the same name, and a code with the same birth day as the one given (not the same code). */
    matchedBy: z.enum(['identity_code', 'name_and_birth_day', 'name']),
    /** Only for a client the caller already works with. */
    clientId: z.uuid().nullable(),
    ownWorker: person.nullable(),
    hasOpenProcess: z.boolean(),
  })),
});
