import { z } from 'zod';
import { serviceContentSchema } from './description.js';
import { trayStatuses } from './editorial.js';

/** API shapes of the tray's staff routes, shared by the server (serialising) and the web (parsing). */

const names = z.object({ fi: z.string(), sv: z.string(), en: z.string() });
const named = z.object({ id: z.string(), name: z.string() });
const day = z.iso.date();

export const trayServiceSummarySchema = z.object({
  id: z.string(),
  code: z.string(),
  names,
  status: z.enum(trayStatuses),
  currentVersion: z.number().int(),
  publishedVersion: z.number().int().nullable(),
  ownerUnit: named.nullable(),
  responsible: named.nullable(),
  reviewDueOn: day.nullable(),
  checkedOn: day.nullable(),
  isOverdue: z.boolean(),
  /** May the caller save, publish, review and archive it (the rules on this service's facts). */
  canEdit: z.boolean(),
});
export type TrayServiceSummary = z.infer<typeof trayServiceSummarySchema>;

export const trayVersionSchema = z.object({
  version: z.number().int(),
  savedBy: named.nullable(),
  savedAt: z.string(),
  publishedAt: z.string().nullable(),
});

export const trayServiceDetailSchema = trayServiceSummarySchema.extend({
  /** The latest saved version's description (what the editor continues from). */
  content: serviceContentSchema,
  /** Fields the latest version still lacks for publication: 0 = category, 1–9 the template's fields. */
  missingForPublication: z.array(z.number().int()),
  versions: z.array(trayVersionSchema),
});
export type TrayServiceDetail = z.infer<typeof trayServiceDetailSchema>;

export const trayVersionDetailSchema = trayVersionSchema.extend({ content: serviceContentSchema });

export const trayServiceCreateSchema = z.strictObject({ content: serviceContentSchema });
/** Saving a version: `baseVersion` is the version the editor started from; another save in between is a conflict. */
export const trayDraftSaveSchema = z.strictObject({ content: serviceContentSchema, baseVersion: z.number().int().min(0) });
/** Publishing the version the editor saw (`version`), with an optional review day other than 12 months ahead. */
export const trayPublishSchema = z.strictObject({ version: z.number().int().min(1), reviewDueOn: day.optional() });
export const trayReviewSchema = z.strictObject({ reviewDueOn: day.optional() });
export const trayEditorialUpdateSchema = z.strictObject({
  ownerUnitId: z.uuid().optional(),
  responsibleUserId: z.uuid().optional(),
  reviewDueOn: day.optional(),
});

export const trayOrganizationInputSchema = z.strictObject({
  names: z.strictObject({ fi: z.string().trim().min(1).max(200), sv: z.string().trim().max(200).default(''), en: z.string().trim().max(200).default('') }),
  businessId: z.string().regex(/^[0-9]{7}-[0-9]$/, 'a Finnish business id (1234567-8)').nullable().default(null),
  website: z.union([z.literal(''), z.url({ protocol: /^https?$/ }).max(500)]).default(''),
  email: z.union([z.literal(''), z.email().max(200)]).default(''),
});
export const trayOrganizationViewSchema = z.object({
  id: z.string(),
  names,
  businessId: z.string().nullable(),
  website: z.string(),
  email: z.string(),
  ptvId: z.string().nullable(),
});
export type TrayOrganizationView = z.infer<typeof trayOrganizationViewSchema>;

export const trayImportResultSchema = z.object({
  created: z.array(z.string()),
  updated: z.array(z.string()),
  organizationsCreated: z.number().int(),
  /** PTV items left out, with why (not published, no Finnish name). */
  skipped: z.array(z.object({ ptvId: z.string(), reason: z.string() })),
});
export type TrayImportResult = z.infer<typeof trayImportResultSchema>;
