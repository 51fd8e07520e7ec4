import type { EncounterView } from '../../domain/outreach-views.js';
import { can, readableRegister, type Actor } from '../policy/policy.js';
import { presentReferral } from '../referrals/present.js';
import type { EncounterBundle } from './repo.js';
import type { RuleTime } from '../../domain/policy/index.js';
import { encounterFacts } from './encounter-access.js';

/**
 * The encounter as one reader may see it: only the needs and support codes of the reader's own
 * register, and referral memos only for the site's professionals (both decided by src/domain/policy).
 * Every field is listed on purpose.
 */
export function presentEncounter(bundle: EncounterBundle, reader: Actor, time: RuleTime): EncounterView {
  const { row } = bundle;
  const register = readableRegister(reader);
  const visible = bundle.codes.filter((c) => c.register === register);
  const facts = encounterFacts(row, bundle.professionals.map((p) => p.userId));
  const canSeeMemo = can(reader, 'referral.read_memo', facts);
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
    canEdit: can(reader, 'encounter.update', facts),
    // Per-resource abilities for the web (as Outline attaches policies), from the same rules the commands use.
    can: { update: can(reader, 'encounter.update', facts), delete: can(reader, 'encounter.delete', facts, time) },
  };
}
