import { addDays, daysBetween } from '../../domain/calendar.js';
import type { Register } from '../../domain/code-lists.js';
import { registerOf } from '../../domain/org.js';
import { encounterInputSchema, type ReferralStatus } from '../../domain/outreach.js';
import type { Deps } from '../deps.js';
import { recordEncounter } from '../encounters/create-encounter.js';
import type { Actor } from '../policy/policy.js';
import { updateReferral } from '../referrals/commands.js';
import type { StaffedSession } from '../sessions/repo.js';
import { issueVisitorCode } from '../visitor-codes/commands.js';
import { encounterContent, referralMemos, visitorProfile, type VisitorProfile } from './history-content.js';
import type { HistoryWindow } from './history-sessions.js';
import { clockAt, ctxOf, helsinkiAt, Random, withHelsinkiOffset, workdayOnOrBefore, type DemoActors } from './history-support.js';

/** A visitor card handed out at a first visit, reused at later ones. */
export type IssuedCode = { code: string; issuedOn: string; profile: VisitorProfile };
export type EncounterTotals = { encounters: number; joint: number; withCode: number; referrals: number; referralUpdates: number; codes: IssuedCode[] };

const MAX_CODES = 15;
const ANSWERS_SEED = 0x16_04;
type Planned = { at: Date; recorder: Actor; colleague: Actor | null };
type LaterUpdate = { at: Date; recorder: Actor; referralId: string; status: ReferralStatus };

const toMinutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** Who met whom and when during one session: each professional's own encounters, and joint ones when both were there. */
function planSession(rng: Random, { session, professionals }: StaffedSession, actors: DemoActors): Planned[] {
  const present = professionals.map((p) => (p.userId === actors.nurse.userId ? actors.nurse : p.userId === actors.socialWorker.userId ? actors.socialWorker : null)).filter((a): a is Actor => a !== null);
  const isJointDay = present.length === 2;
  const monthStart = Number(session.day.slice(8, 10)) <= 7 ? 1 : 0;
  const start = toMinutes(session.startsAt);
  const length = toMinutes(session.endsAt) - start;
  const planned: Planned[] = [];
  for (const actor of present) {
    const isNurse = actor.userId === actors.nurse.userId;
    // On a joint Tuesday the social worker is there for two hours and mostly sits in with the nurse.
    const count = isNurse ? rng.between(3, 8) + monthStart : isJointDay ? rng.between(1, 2) : rng.between(4, 9) + monthStart;
    for (let i = 0; i < count; i++) planned.push({ at: helsinkiAt(session.day, session.startsAt, rng.between(5, length - 10)), recorder: actor, colleague: null });
  }
  if (isJointDay) {
    const [nurse, socialWorker] = [actors.nurse, actors.socialWorker];
    for (let i = rng.between(3, 4); i > 0; i--) {
      const recorder = rng.chance(0.5) ? nurse : socialWorker;
      // 10–12 on a joint Tuesday: the hour after the social worker arrives.
      planned.push({ at: helsinkiAt(session.day, '10:00', rng.between(5, 110)), recorder, colleague: recorder === nurse ? socialWorker : nurse });
    }
  }
  return planned.sort((a, b) => a.at.getTime() - b.at.getTime());
}

/**
 * Whether the visitor stayed anonymous to the professional, and "first time with me?" per professional.
 * Most stay anonymous even with a card; some answers are left out (null), as in a hurried day.
 */
function personalAnswers(rng: Random, plan: Planned, hasCode: boolean) {
  const isAnonymousToProfessional = rng.weighted([[true, hasCode ? 50 : 65], [false, hasCode ? 40 : 20], [null, 15]] as const);
  const firstWithProfessional = [plan.recorder, ...(plan.colleague ? [plan.colleague] : [])].map((p) => ({
    userId: p.userId,
    isFirst: rng.weighted([[true, 30], [false, 55], [null, 15]] as const),
  }));
  return { isAnonymousToProfessional, firstWithProfessional };
}

/** The outcome known by now: old referrals are mostly closed, recent ones still open. */
function finalStatus(rng: Random, ageDays: number, initial: ReferralStatus): ReferralStatus {
  if (ageDays > 28) return rng.weighted<ReferralStatus>([['realised', 55], ['not_realised', 18], ['unknown', 20], ['booked', 7]]);
  if (ageDays > 14) return rng.weighted<ReferralStatus>([['realised', 35], ['not_realised', 10], ['unknown', 5], [initial === 'suggested' ? 'booked' : initial, 25], [initial, 25]]);
  return rng.weighted<ReferralStatus>([[initial, 75], ['booked', 15], ['realised', 10]]);
}

/**
 * Records the encounters of every held session, in time order, as the professional who met the visitor;
 * visitor cards are issued at a first visit. Referrals start as suggested or booked, and their outcome is
 * entered later at a follow-up, as the loop is closed in real work.
 */
export async function seedEncounters(deps: Deps, rng: Random, window: HistoryWindow, siteId: string, sessions: StaffedSession[], actors: DemoActors, serviceIds: Map<string, string>): Promise<EncounterTotals> {
  const totals: EncounterTotals = { encounters: 0, joint: 0, withCode: 0, referrals: 0, referralUpdates: 0, codes: [] };
  const later: LaterUpdate[] = [];
  // The answers added in issue 16 draw from a stream of their own, so the rest of the history (and the
  // feedback seeded after it) stays exactly what it was before they existed.
  const answers = new Random(ANSWERS_SEED);
  for (const staffed of sessions) {
    const usedToday = new Set<string>();
    for (const plan of planSession(rng, staffed, actors)) {
      const at = clockAt(deps, new Date(plan.at.getTime() + rng.between(2, 20) * 60_000));
      let visitor: VisitorProfile = visitorProfile(rng);
      let visitorCode: string | null = null;
      if (rng.chance(0.4)) {
        const known = totals.codes.filter((c) => !usedToday.has(c.code));
        if (totals.codes.length < MAX_CODES && (known.length === 0 || rng.chance(0.4))) {
          const code = await issueVisitorCode(at, ctxOf(plan.recorder), siteId, (max) => rng.below(max));
          totals.codes.push({ code, issuedOn: staffed.session.day, profile: visitor });
          visitorCode = code;
        } else if (known.length > 0) {
          const card = rng.pick(known);
          ({ code: visitorCode, profile: visitor } = card);
        }
      }
      if (visitorCode) usedToday.add(visitorCode);
      const registers: Register[] = [plan.recorder, ...(plan.colleague ? [plan.colleague] : [])].map((a) => registerOf(a.profession!));
      const content = encounterContent(rng, registers, plan.colleague !== null);
      const referrals = content.referrals.map((r) => {
        const initial: ReferralStatus = r.way === 'advised' ? 'suggested' : 'booked';
        const followUpOn = addDays(staffed.session.day, rng.pick([7, 14, 14, 21, 28]));
        // In a joint meeting either professional may be the one who made the referral.
        const referredBy = plan.colleague && answers.chance(0.4) ? plan.colleague.userId : plan.recorder.userId;
        return { id: deps.ids.newId(), serviceId: serviceIds.get(r.serviceCode)!, way: r.way, status: initial, followUpOn, memo: rng.chance(0.35) ? rng.pick(referralMemos) : null, referredBy };
      });
      const input = encounterInputSchema.parse({
        id: deps.ids.newId(),
        siteId,
        sessionId: staffed.session.id,
        occurredAt: withHelsinkiOffset(plan.at),
        professionalIds: plan.colleague ? [plan.colleague.userId] : [],
        visitorCode,
        isFirstVisit: visitorCode ? null : rng.weighted([[true, 35], [false, 45], [null, 20]] as const),
        ...personalAnswers(answers, plan, visitorCode !== null),
        ageBand: visitor.ageBand,
        gender: visitor.gender,
        ...content,
        referrals,
      });
      await recordEncounter(at, ctxOf(plan.recorder), input);
      totals.encounters += 1;
      totals.joint += plan.colleague ? 1 : 0;
      totals.withCode += visitorCode ? 1 : 0;
      totals.referrals += referrals.length;
      for (const referral of referrals) {
        const status = finalStatus(rng, daysBetween(staffed.session.day, window.today), referral.status);
        if (status === referral.status) continue;
        // Learned at the follow-up, or by the last working day: nothing is entered in the future.
        const day = referral.followUpOn < window.today ? referral.followUpOn : workdayOnOrBefore(window.yesterday);
        if (day > staffed.session.day) later.push({ at: helsinkiAt(day, '12:30', rng.between(0, 90)), recorder: plan.recorder, referralId: referral.id, status });
      }
    }
  }
  for (const update of later.sort((a, b) => a.at.getTime() - b.at.getTime())) {
    await updateReferral(clockAt(deps, update.at), ctxOf(update.recorder), update.referralId, { status: update.status });
    totals.referralUpdates += 1;
  }
  return totals;
}
