import type { ObservationStatus } from '../../domain/structural/observations.js';
import { municipalities } from '../db/schema.js';
import { managerMunicipalities, structuralObservations } from '../db/schema-structural.js';
import type { Deps } from '../deps.js';

// Test and demo helpers: observations and municipalities made directly, as a given author at a given site
// (the commands would refuse an author at a site they do not work at, which the matrices need to aim at).

let nextCode = 0;
const codes = new Map<string, string>();

/** One municipality per region, made once; codes 000–099 (the municipality cases take 100–999). */
export async function municipalityOfRegion(deps: Deps, regionId: string): Promise<string> {
  const known = codes.get(regionId);
  if (known) return known;
  const code = String(nextCode++ % 100).padStart(3, '0');
  const now = deps.clock.now();
  await deps.db.orm.insert(municipalities).values({ code, regionId, nameFi: `Kunta ${code}`, nameSv: `Kommun ${code}`, nameEn: `Municipality ${code}`, isActive: true, createdAt: now, updatedAt: now });
  codes.set(regionId, code);
  return code;
}

export const observationBody = (siteId: string, municipalityCode: string, extra: Record<string, unknown> = {}) => ({
  siteId,
  municipalityCode,
  category: 'housing',
  description: 'Nuorille aikuisille ei löydy pieniä vuokra-asuntoja keskustasta.',
  affectedGroup: 'Alle 25-vuotiaat asunnottomat',
  affectedEstimate: 12,
  sinceMonth: '2025-09',
  proposedAction: 'Kunnan vuokrataloyhtiölle kiintiö nuorille.',
  addresseeLevel: 'municipality',
  ...extra,
});

/** An observation stored as it would be after creation (and submission, unless a draft) on the clock's day. */
export async function insertObservation(
  deps: Deps,
  o: { regionId: string; siteId: string; createdBy: string; status?: ObservationStatus; submittedDay?: string; municipalityCode?: string },
): Promise<string> {
  const id = deps.ids.newId();
  const now = deps.clock.now();
  const status = o.status ?? 'submitted';
  const day = status === 'draft' ? null : (o.submittedDay ?? now.toISOString().slice(0, 10));
  await deps.db.orm.insert(structuralObservations).values({
    id,
    regionId: o.regionId,
    siteId: o.siteId,
    municipalityCode: o.municipalityCode ?? (await municipalityOfRegion(deps, o.regionId)),
    category: 'housing',
    description: 'Pieniä vuokra-asuntoja puuttuu.',
    affectedGroup: 'Nuoret aikuiset',
    affectedEstimate: 10,
    sinceMonth: null,
    proposedAction: 'Kiintiö nuorille.',
    addresseeLevel: 'municipality',
    status,
    createdBy: o.createdBy,
    createdAt: now,
    updatedAt: now,
    submittedAt: day ? now : null,
    submittedDay: day,
    answerDueDay: day,
  });
  return id;
}

/** Links a manager to a municipality, as the administrator would (PUT /api/municipalities/:code/managers). */
export async function linkManager(deps: Deps, o: { userId: string; municipalityCode: string; regionId: string }): Promise<void> {
  await deps.db.orm.insert(managerMunicipalities).values({ ...o, createdAt: deps.clock.now() }).onConflictDoNothing();
}
