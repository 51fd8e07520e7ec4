import { z } from 'zod';
import { translationsViewSchema } from './translations.js';
import { locales, openingHoursSchema, professions, roleAssignmentSchema, siteKinds, unitKinds } from './org.js';
import { errorCodes } from './errors.js';
import { actions, type Abilities } from './policy/index.js';

/**
 * Shapes the HTTP API returns. The server validates its responses against these schemas and
 * documents them in OpenAPI; the web reads the inferred types.
 */
export const apiErrorSchema = z.object({ error: z.object({ code: z.enum(errorCodes), message: z.string(), details: z.unknown().optional() }) });
export type ApiError = z.infer<typeof apiErrorSchema>;

export const meSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  regionId: z.string(),
  profession: z.enum(professions).nullable(),
  roles: z.array(roleAssignmentSchema),
  locale: z.enum(locales).nullable(),
});
export type Me = z.infer<typeof meSchema>;

/**
 * The actor's global abilities (src/domain/policy `abilitiesOf`): per action, the whole region, these
 * sites, or only related resources (decided per resource, sent with each answer). An action left out
 * is not allowed anywhere. The web decides what to show from these, never from role names.
 */
export const abilitiesSchema: z.ZodType<Abilities> = z.partialRecord(z.enum(actions), z.union([z.literal('all'), z.literal('related'), z.array(z.string())]));

export const sessionInfoSchema = z.object({ user: meSchema, abilities: abilitiesSchema, csrfToken: z.string() });
export type SessionInfo = z.infer<typeof sessionInfoSchema>;

export const regionViewSchema = z.object({ id: z.string(), name: z.string() });
export type RegionView = z.infer<typeof regionViewSchema>;

export const siteViewSchema = z.object({
  id: z.string(),
  regionId: z.string(),
  name: z.string(),
  kind: z.enum(siteKinds),
  address: z.string(),
  openingHours: z.array(openingHoursSchema),
  rooms: z.array(z.string()),
  isActive: z.boolean(),
  /** The short public address: /s/<slug>. */
  slug: z.string(),
  nameTranslations: translationsViewSchema,
  /** Swedish and English names of rooms, keyed by the Finnish name in `rooms`. */
  roomTranslations: z.record(z.string(), translationsViewSchema),
});
export type SiteView = z.infer<typeof siteViewSchema>;

export const unitViewSchema = z.object({ id: z.string(), regionId: z.string(), name: z.string(), kind: z.enum(unitKinds) });
export type UnitView = z.infer<typeof unitViewSchema>;

export const userViewSchema = z.object({
  id: z.string(),
  regionId: z.string(),
  username: z.string(),
  displayName: z.string(),
  profession: z.enum(professions).nullable(),
  unitId: z.string().nullable(),
  roles: z.array(roleAssignmentSchema),
  isActive: z.boolean(),
  createdAt: z.string(),
});
export type UserView = z.infer<typeof userViewSchema>;

/** What an audit row was about, by name: the web formats it in the reader's language. */
export const auditTargetSchema = z.object({ name: z.string().nullable(), day: z.string().nullable(), time: z.string().nullable() });
export type AuditTarget = z.infer<typeof auditTargetSchema>;

export const auditEntryViewSchema = z.object({
  id: z.string(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  resourceType: z.string(),
  resourceId: z.string().nullable(),
  siteId: z.string().nullable(),
  siteName: z.string().nullable(),
  requestId: z.string().nullable(),
  target: auditTargetSchema,
});
export type AuditEntryView = z.infer<typeof auditEntryViewSchema>;

export const auditPageSchema = z.object({ entries: z.array(auditEntryViewSchema), nextCursor: z.string().nullable() });
export type AuditPage = z.infer<typeof auditPageSchema>;

export const healthSchema = z.object({ status: z.literal('ok'), database: z.literal('ok'), engine: z.enum(['pglite', 'postgres']) });
export type Health = z.infer<typeof healthSchema>;
