import { and, eq, inArray, isNull, or } from 'drizzle-orm';
import type { CodeListKind, Register } from '../../domain/code-lists.js';
import { registerOf, type Profession } from '../../domain/org.js';
import type { Executor } from '../db/connect.js';
import { roleAssignments, users } from '../db/schema.js';
import { codes } from '../db/schema-outreach.js';
import { AppError } from '../errors.js';
import type { Actor } from '../policy/policy.js';

/** isFirstWithProfessional: "first time with me / my service?"; absent or null = not recorded. */
export type EncounterProfessional = { userId: string; profession: Profession; isFirstWithProfessional?: boolean | null };
/** A professional with the name shown to colleagues (the view of a new encounter needs it). */
export type NamedProfessional = EncounterProfessional & { displayName: string };
export type CodeRef = { kind: CodeListKind; register: Register; code: string };

const badRequest = (message: string, field: string) => new AppError('bad_request', message, { field });

/** The recording professional's own profession: it decides the register their codes belong to. */
export function ownProfession(actor: Actor): EncounterProfessional {
  if (actor.profession === null) {
    throw badRequest('Your account has no profession. An administrator must set it before you can record encounters.', 'professionalIds');
  }
  return { userId: actor.userId, profession: actor.profession };
}

/**
 * The other professionals of a joint encounter: active users of the region with a professional role at
 * the site (or region-wide) and a profession. Their profession is stored as it is today.
 */
export async function otherProfessionals(ex: Executor, site: { id: string; regionId: string }, ids: string[]): Promise<NamedProfessional[]> {
  if (ids.length === 0) return [];
  const rows = await ex
    .selectDistinct({ userId: users.id, profession: users.profession, displayName: users.displayName })
    .from(users)
    .innerJoin(roleAssignments, eq(roleAssignments.userId, users.id))
    .where(
      and(
        inArray(users.id, ids),
        eq(users.regionId, site.regionId),
        eq(users.isActive, true),
        eq(roleAssignments.role, 'professional'),
        or(eq(roleAssignments.siteId, site.id), isNull(roleAssignments.siteId)),
      ),
    );
  const found = rows.filter((r): r is NamedProfessional => r.profession !== null);
  if (found.length !== ids.length) {
    throw badRequest('Everyone in a joint encounter must be a professional with a profession at this site.', 'professionalIds');
  }
  return found;
}

/** `health:blood_pressure` → its parts; needs and support are separate lists of the same form. */
export function parseCodeRefs(needs: string[], support: string[]): CodeRef[] {
  const parse = (kind: CodeListKind) => (ref: string): CodeRef => {
    const [register, code] = ref.split(':') as [Register, string];
    return { kind, register, code };
  };
  const unique = new Map<string, CodeRef>();
  for (const ref of [...needs.map(parse('need')), ...support.map(parse('support'))]) unique.set(`${ref.kind}:${ref.register}:${ref.code}`, ref);
  return [...unique.values()];
}

const registerName: Record<Register, string> = { health: 'Health (a nurse)', social: 'Social-welfare (a social-welfare professional)' };

/**
 * Each code must be active in its list, and its register represented by the encounter's professionals:
 * a social worker alone cannot record health data, and a nurse alone cannot record social-welfare data.
 */
export async function assertCodes(ex: Executor, refs: CodeRef[], professionals: EncounterProfessional[]): Promise<void> {
  const present = new Set(professionals.map((p) => registerOf(p.profession)));
  for (const ref of refs) {
    if (!present.has(ref.register)) {
      throw badRequest(`${registerName[ref.register]} must be among the encounter's professionals to record ${ref.register}:${ref.code}.`, ref.kind === 'need' ? 'needs' : 'support');
    }
  }
  if (refs.length === 0) return;
  const rows = await ex
    .select({ kind: codes.kind, register: codes.register, code: codes.code })
    .from(codes)
    .where(and(inArray(codes.code, [...new Set(refs.map((r) => r.code))]), eq(codes.isActive, true)));
  const active = new Set(rows.map((r) => `${r.kind}:${r.register}:${r.code}`));
  const missing = refs.find((r) => !active.has(`${r.kind}:${r.register}:${r.code}`));
  if (missing) {
    const list = missing.kind === 'need' ? 'needs' : 'support';
    throw badRequest(`${missing.register}:${missing.code} is not an active code of the ${list} list.`, list);
  }
}
