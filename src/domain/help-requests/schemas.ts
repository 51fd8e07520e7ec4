import { z } from 'zod';
import { locales } from '../org.js';
import { helpRequestStatuses } from './states.js';

export * from './states.js';

/** Most a message may hold: a few paragraphs, as a person writes them on a phone. */
export const HELP_MESSAGE_MAX = 4000;
const message = z.string().trim().min(1).max(HELP_MESSAGE_MAX);
/** A Finnish or international number as people type it (spaces, dashes, brackets); nothing else. */
const phone = z.string().trim().regex(/^\+?[0-9][0-9 ()-]{4,24}$/, 'a phone number');
/** A receipt code as typed: the server normalises and checks it (any case, with or without dashes). */
const code = z.string().min(1).max(64);

/** What the public form sends: no name, no e-mail; a call-back number only if the person wants a call. */
export const helpRequestInputSchema = z.strictObject({
  regionId: z.uuid(),
  message,
  callbackPhone: phone.nullable().default(null),
  language: z.enum(locales),
});
export type HelpRequestInput = z.input<typeof helpRequestInputSchema>;

/** The receipt: shown once, printable. The code is the only way back to the answers. */
export const helpReceiptSchema = z.object({
  code: z.string(),
  receivedOn: z.string(),
  answerDueDay: z.string(),
  answerWorkingDays: z.number().int(),
});
export type HelpReceipt = z.infer<typeof helpReceiptSchema>;

export const helpCodeInputSchema = z.strictObject({ code });
export const senderReplyInputSchema = z.strictObject({ code, message });

/** The public form of one region: where the request goes and how soon it is answered. */
export const helpSettingsSchema = z.object({
  region: z.object({ id: z.string(), name: z.string() }),
  answerWorkingDays: z.number().int(),
});
export type HelpSettings = z.infer<typeof helpSettingsSchema>;

const thread = z.array(z.object({ from: z.enum(['sender', 'staff']), text: z.string(), at: z.string() }));

/** What the sender sees with their code: the messages both ways (no staff names, no internal notes). */
export const senderViewSchema = z.object({
  status: z.enum(helpRequestStatuses),
  receivedOn: z.string(),
  answerDueDay: z.string(),
  callbackPhone: z.string().nullable(),
  messages: thread,
});
export type SenderView = z.infer<typeof senderViewSchema>;

const person = z.object({ id: z.string(), displayName: z.string() });

export const helpRequestSummarySchema = z.object({
  id: z.string(),
  status: z.enum(helpRequestStatuses),
  receivedAt: z.string(),
  answerDueDay: z.string(),
  /** Not yet answered, and the promised answer day has passed. */
  isOverdue: z.boolean(),
  firstReplyAt: z.string().nullable(),
  assignee: person.nullable(),
  language: z.enum(locales),
  hasCallback: z.boolean(),
  /** The first words of the first message, for the inbox. */
  excerpt: z.string(),
});
export type HelpRequestSummary = z.infer<typeof helpRequestSummarySchema>;

export const helpRequestDetailSchema = helpRequestSummarySchema.extend({
  callbackPhone: z.string().nullable(),
  closedAt: z.string().nullable(),
  messages: z.array(z.object({ id: z.string(), from: z.enum(['sender', 'staff']), text: z.string(), at: z.string(), author: person.nullable() })),
  notes: z.array(z.object({ id: z.string(), text: z.string(), at: z.string(), author: person })),
  /** Set once the request became a client contact (with the person's consent). */
  clientId: z.string().nullable(),
  consentRecordedAt: z.string().nullable(),
  /** Who may be assigned: the region's active professionals and coordinators. */
  assignable: z.array(person),
});
export type HelpRequestDetail = z.infer<typeof helpRequestDetailSchema>;

export const helpListQuerySchema = z.strictObject({ status: z.enum([...helpRequestStatuses, 'open']).optional() });

export const helpRequestPatchSchema = z.strictObject({
  status: z.enum(helpRequestStatuses).optional(),
  assigneeId: z.uuid().nullable().optional(),
});
export type HelpRequestPatch = z.infer<typeof helpRequestPatchSchema>;

export const helpTextInputSchema = z.strictObject({ text: message });

/**
 * Turning a request into a client contact of the client process (contact source 'ask_for_help'): the
 * person has said yes to becoming a client (on the call-back or in their reply), and the worker records
 * that; without it nothing is made.
 */
export const helpConvertInputSchema = z.strictObject({
  siteId: z.uuid(),
  name: z.string().trim().min(1).max(200),
  consent: z.literal(true),
  isStatutoryGroup: z.boolean(),
  preferredLanguage: z.enum(locales),
  /** The existing-client check was made first, as for any new client (requirements § 1.3 rule 2). */
  existingClientsChecked: z.literal(true),
});
export type HelpConvertInput = z.infer<typeof helpConvertInputSchema>;

export const helpCountsSchema = z.object({
  /** Open requests nobody is assigned to. */
  unassigned: z.number().int(),
  /** Open requests assigned to the caller. */
  assignedToMe: z.number().int(),
  /** Open requests without a reply past their answer day. */
  overdue: z.number().int(),
});
export type HelpCounts = z.infer<typeof helpCountsSchema>;
