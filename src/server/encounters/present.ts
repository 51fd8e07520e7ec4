import type { EncounterView } from '../../domain/outreach-views.js';
import { can, type Actor } from '../policy/policy.js';
import { presentReferral } from '../referrals/present.js';
import type { EncounterBundle } from './repo.js';
import { isSiteProfessional, readerRegister } from './site-access.js';

/**
 * The encounter as one reader may see it: only the needs and support codes of the reader's own
 * register, and referral memos only for the site's professionals. Every field is listed on purpose.
 */
export function presentEncounter(bundle: EncounterBundle, reader: Actor): EncounterView {
  const { row } = bundle;
  const register = readerRegister(reader);
  const visible = bundle.codes.filter((c) => c.register === register);
  const canSeeMemo = isSiteProfessional(reader, row.siteId);
  // Per-resource abilities for the web (as Outline attaches policies): the rule's grant at the site,
  // narrowed as the commands narrow it today — a professional of the encounter edits it, its creator
  // deletes it (the delete command also keeps to the day of recording; the list shows only today's).
  const isListed = bundle.professionals.some((p) => p.userId === reader.userId);
  const mayUpdate = isListed && can(reader, 'encounter.update', { regionId: row.regionId, siteId: row.siteId });
  return {
    id: row.id,
    siteId: row.siteId,
    sessionId: row.sessionId,
    occurredAt: row.occurredAt.toISOString(),
    professionals: bundle.professionals.map((p) => ({ userId: p.userId, displayName: p.displayName, profession: p.profession, isFirstWithProfessional: p.isFirstWithProfessional ?? null })),
    isJoint: bundle.professionals.length > 1,
    visitorCode: row.visitorCode,
    isFirstVisit: row.isFirstVisit,
    isAnonymousToProfessional: row.isAnonymousToProfessional,
    ageBand: row.ageBand,
    gender: row.gender,
    needs: visible.filter((c) => c.kind === 'need').map((c) => `${c.register}:${c.code}`),
    support: visible.filter((c) => c.kind === 'support').map((c) => `${c.register}:${c.code}`),
    isUrgent: row.isUrgent,
    durationMinutes: row.durationMinutes,
    referrals: bundle.referrals.map((r) => presentReferral(r, canSeeMemo)),
    createdBy: row.createdBy,
    canEdit: isListed,
    can: { update: mayUpdate, delete: mayUpdate && row.createdBy === reader.userId },
  };
}
