import { z } from 'zod';

/**
 * A municipality of the region, as reference data: its Statistics Finland code (three digits, e.g. '698'
 * Rovaniemi) is the key other records keep (a client's home municipality, a service's coverage, a
 * structural report's municipality). The code never changes; a municipality that merges away is
 * deactivated, not deleted, so older records keep their name.
 */
export const municipalityCodeSchema = z.string().regex(/^[0-9]{3}$/, 'three digits (Statistics Finland municipality code)');

const name = z.string().trim().min(1).max(200);
/** The municipality's names in Finnish, Swedish and English (most are the same in all three). */
export const municipalityNamesSchema = z.object({ fi: name, sv: name, en: name });

/** A new municipality of the caller's own region. */
export const municipalityInputSchema = z.object({ code: municipalityCodeSchema, names: municipalityNamesSchema });
export type MunicipalityInput = z.infer<typeof municipalityInputSchema>;

/** Without defaults: an update leaves out what it does not change. The code is the key and stays. */
export const municipalityUpdateSchema = z.object({ names: municipalityNamesSchema.optional(), isActive: z.boolean().optional() });
export type MunicipalityUpdate = z.infer<typeof municipalityUpdateSchema>;

export const municipalityViewSchema = z.object({ code: z.string(), regionId: z.string(), names: municipalityNamesSchema, isActive: z.boolean() });
export type MunicipalityView = z.infer<typeof municipalityViewSchema>;

/** The managers (esihenkilöt) who answer a municipality's structural social work observations. */
export const managerLinksInputSchema = z.object({ userIds: z.array(z.uuid()).max(50) }).strict();
export const managerLinksSchema = z.object({ municipalityCode: z.string(), managers: z.array(z.object({ id: z.uuid(), displayName: z.string() })) });
export type ManagerLinks = z.infer<typeof managerLinksSchema>;
