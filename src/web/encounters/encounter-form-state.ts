import type { AgeBand } from '../../domain/code-lists';
import type { EncounterUpdate, ReferralWay } from '../../domain/outreach';
import type { EncounterView, SessionView } from '../../domain/outreach-views';
import type { NewEncounter } from '../api/outreach';

// The encounter form's state and how it becomes an API body. Nothing is preselected: an unanswered
// yes/no question stays null and is sent as null ("not recorded").

export type YesNo = 'yes' | 'no';
export type ReferralDraft = { serviceId: string | null; way: ReferralWay; referredBy: string | null };

export type FormState = {
  visitorCode: string;
  /** undefined: not chosen, so today's only session at the site is used; null: no session. */
  sessionId: string | null | undefined;
  colleagueIds: string[];
  isAnonymous: YesNo | null;
  /** "First time with me / my service?" by professional's user id; absent = not answered. */
  firstWith: Record<string, YesNo>;
  ageBand: AgeBand | null;
  needs: string[];
  support: string[];
  isUrgent: boolean;
  referral: ReferralDraft | null;
};

export const emptyForm: FormState = {
  visitorCode: '',
  sessionId: undefined,
  colleagueIds: [],
  isAnonymous: null,
  firstWith: {},
  ageBand: null,
  needs: [],
  support: [],
  isUrgent: false,
  referral: null,
};

export const toggle = (list: string[], value: string): string[] => (list.includes(value) ? list.filter((v) => v !== value) : [...list, value]);
const yesNo = (value: boolean | null): YesNo | null => (value === null ? null : value ? 'yes' : 'no');
const asBoolean = (value: YesNo | null | undefined): boolean | null => (value === undefined || value === null ? null : value === 'yes');

/** The session the entry belongs to: the one chosen, or today's only session at the site. */
export function effectiveSession(form: FormState, sessions: SessionView[]): string | null {
  if (form.sessionId !== undefined) return form.sessionId;
  const held = sessions.filter((s) => !s.isCancelled);
  return held.length === 1 ? held[0]!.id : null;
}

/** Everyone on the encounter: the recorder first, then the colleagues chosen. */
export const teamOf = (myId: string, form: FormState): string[] => [myId, ...form.colleagueIds.filter((id) => id !== myId)];

function firstAnswers(myId: string, form: FormState) {
  return teamOf(myId, form).map((userId) => ({ userId, isFirst: asBoolean(form.firstWith[userId]) }));
}

/** The body of a new encounter (the visitor code already checked and normalised by the caller). */
export function toNewEncounter(base: { id: string; siteId: string; occurredAt: string; myId: string; visitorCode: string | null; sessionId: string | null; referralId: string }, form: FormState): NewEncounter {
  const referral = form.referral;
  return {
    id: base.id,
    siteId: base.siteId,
    sessionId: base.sessionId,
    occurredAt: base.occurredAt,
    professionalIds: teamOf(base.myId, form),
    visitorCode: base.visitorCode,
    isAnonymousToProfessional: asBoolean(form.isAnonymous),
    firstWithProfessional: firstAnswers(base.myId, form),
    ageBand: form.ageBand ?? 'unknown',
    needs: form.needs,
    support: form.support,
    isUrgent: form.isUrgent,
    referrals: referral?.serviceId
      ? [{ id: base.referralId, serviceId: referral.serviceId, way: referral.way, followUpOn: null, memo: null, referredBy: referral.referredBy ?? base.myId }]
      : [],
  };
}

/** The form filled from a stored encounter, as the reader sees it (their own register's codes only). */
export function fromView(view: EncounterView, myId: string): FormState {
  return {
    visitorCode: view.visitorCode ?? '',
    sessionId: view.sessionId,
    colleagueIds: view.professionals.map((p) => p.userId).filter((id) => id !== myId),
    isAnonymous: yesNo(view.isAnonymousToProfessional),
    firstWith: Object.fromEntries(view.professionals.flatMap((p) => (p.isFirstWithProfessional === null ? [] : [[p.userId, yesNo(p.isFirstWithProfessional)!]]))),
    ageBand: view.ageBand,
    needs: view.needs,
    support: view.support,
    isUrgent: view.isUrgent,
    referral: null,
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Only what changed, so the audit log names the fields that were corrected. */
export function toPatch(before: FormState, after: FormState, myId: string, visitorCode: string | null): EncounterUpdate {
  const patch: EncounterUpdate = {};
  if (after.sessionId !== undefined && !same(before.sessionId, after.sessionId)) patch.sessionId = after.sessionId;
  if (!same([...before.colleagueIds].sort(), [...after.colleagueIds].sort())) patch.professionalIds = teamOf(myId, after);
  if ((before.visitorCode.trim() || null) !== visitorCode) patch.visitorCode = visitorCode;
  if (before.isAnonymous !== after.isAnonymous) patch.isAnonymousToProfessional = asBoolean(after.isAnonymous);
  if (!same(firstAnswers(myId, before), firstAnswers(myId, after))) patch.firstWithProfessional = firstAnswers(myId, after);
  if (after.ageBand !== before.ageBand) patch.ageBand = after.ageBand ?? 'unknown';
  if (!same([...before.needs].sort(), [...after.needs].sort())) patch.needs = after.needs;
  if (!same([...before.support].sort(), [...after.support].sort())) patch.support = after.support;
  if (before.isUrgent !== after.isUrgent) patch.isUrgent = after.isUrgent;
  return patch;
}
