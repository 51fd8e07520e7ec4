import { z } from 'zod';
import { slugInputSchema } from './site-address.js';
import { translationsInputSchema } from './translations.js';

/**
 * Roles a user can hold. Each assignment is scoped to one site, or to the whole region (site null).
 * `manager` (esihenkilö): a manager of a municipality's or unit's services, who answers structural
 * reports, publishes the service tray and sees counts of client work (not the clients themselves).
 */
export const roles = ['administrator', 'coordinator', 'professional', 'daycentre_staff', 'auditor', 'manager'] as const;
export type Role = (typeof roles)[number];

/** Professions of outreach professionals; decides which register's details (health or social) a user sees. */
export const professions = ['nurse', 'social_worker', 'social_instructor', 'addiction_worker', 'peer_worker'] as const;
export type Profession = (typeof professions)[number];

/** The register a profession belongs to. Health and social-welfare data are separate registers in Finnish law. */
export function registerOf(profession: Profession): 'health' | 'social' {
  return profession === 'nurse' ? 'health' : 'social';
}

/** Kinds of site: a day centre or another outreach venue (domain.md § 4.1). */
export const siteKinds = ['day_centre', 'kela_office', 'parish', 'shopping_centre', 'health_centre', 'street', 'home_visits', 'other'] as const;
export type SiteKind = (typeof siteKinds)[number];

/** Kinds of organisational unit staff belong to. */
export const unitKinds = ['adult_social_work', 'health_station', 'addiction_services', 'day_centre', 'third_sector', 'other'] as const;
export type UnitKind = (typeof unitKinds)[number];

export const locales = ['fi', 'sv', 'en'] as const;
export type Locale = (typeof locales)[number];

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time as HH:MM');

/** One weekly opening period; weekday 1 = Monday … 7 = Sunday (ISO 8601). */
export const openingHoursSchema = z
  .object({ weekday: z.number().int().min(1).max(7), opens: hhmm, closes: hhmm })
  .refine((h) => h.opens < h.closes, { message: 'opens must be before closes', path: ['closes'] });
export type OpeningHours = z.infer<typeof openingHoursSchema>;

const name = z.string().trim().min(1).max(200);

export const regionInputSchema = z.object({ name });
export type RegionInput = z.infer<typeof regionInputSchema>;

// Without defaults: an update must leave out what it does not change (a default would overwrite it).
const siteFields = z.object({
  name,
  kind: z.enum(siteKinds),
  address: z.string().trim().max(300),
  openingHours: z.array(openingHoursSchema).max(21),
  rooms: z.array(z.string().trim().min(1).max(100)).max(50),
  /** The short public address; suggested from the name when a new site leaves it out. */
  slug: slugInputSchema,
  nameTranslations: translationsInputSchema(200),
  /** Keyed by the Finnish room name; entries for rooms not in `rooms` are dropped. */
  roomTranslations: z.record(z.string().max(100), translationsInputSchema(100)).refine((r) => Object.keys(r).length <= 50, 'at most 50 rooms'),
});

export const siteInputSchema = siteFields.extend({
  regionId: z.uuid(),
  address: siteFields.shape.address.default(''),
  openingHours: siteFields.shape.openingHours.default([]),
  rooms: siteFields.shape.rooms.default([]),
  slug: siteFields.shape.slug.optional(),
  nameTranslations: siteFields.shape.nameTranslations.default({}),
  roomTranslations: siteFields.shape.roomTranslations.default({}),
});
/** The translations may be left out by callers in code (the schema defaults them for the API). */
export type SiteInput = Omit<z.infer<typeof siteInputSchema>, 'nameTranslations' | 'roomTranslations'> &
  Partial<Pick<z.infer<typeof siteInputSchema>, 'nameTranslations' | 'roomTranslations'>>;
export const siteUpdateSchema = siteFields.partial().extend({ isActive: z.boolean().optional() });
export type SiteUpdate = z.infer<typeof siteUpdateSchema>;

export const unitInputSchema = z.object({ regionId: z.uuid(), name, kind: z.enum(unitKinds) });
export type UnitInput = z.infer<typeof unitInputSchema>;

export const roleAssignmentSchema = z.object({ role: z.enum(roles), siteId: z.uuid().nullable() });
export type RoleAssignment = z.infer<typeof roleAssignmentSchema>;

/** Passwords: length is what matters (NCSC/NIST guidance); no composition rules. */
export const passwordSchema = z.string().min(12, 'at least 12 characters').max(200);

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(3)
  .max(64)
  .regex(/^[a-z0-9._@-]+$/, 'letters a–z, digits and . _ @ - only');

export const userInputSchema = z.object({
  regionId: z.uuid(),
  username: usernameSchema,
  displayName: name,
  profession: z.enum(professions).nullable().default(null),
  unitId: z.uuid().nullable().default(null),
  password: passwordSchema,
  roles: z.array(roleAssignmentSchema).min(1).max(50),
});
export type UserInput = z.infer<typeof userInputSchema>;

export const userUpdateSchema = z.object({
  displayName: name.optional(),
  profession: z.enum(professions).nullable().optional(),
  unitId: z.uuid().nullable().optional(),
  roles: z.array(roleAssignmentSchema).min(1).max(50).optional(),
  isActive: z.boolean().optional(),
});
export type UserUpdate = z.infer<typeof userUpdateSchema>;
