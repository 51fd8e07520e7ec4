import { z } from 'zod';

/**
 * The social-rehabilitation client process (requirements-phase2.md § 1): contact → assessment → plan →
 * action ⇄ follow-up → ended with a reason. The seeds name no statuses; these follow the boxes of the
 * Oulunkaari and Raahe process maps (003:5983–6267, 6757–6975). The follow-up network meeting leads to a
 * new action period or back to the plan; a relationship may end from any step.
 *
 * `individual_support_only` is the side state of requirements § 1.3 rule 11: a client who declines or
 * does not commit to network work (neuvonpito) but keeps getting individual support — 12 of Raahe's 18
 * pilot clients (003:3215–3218) and 2 of the second cohort (003:3225). It is chosen once the assessment
 * is complete (the assessment is what concludes which support the client gets, SHL 36 §), so the
 * statutory clocks have been met or missed before it; a client who later agrees goes back to planning
 * the network meeting, and the relationship may end from it as from any step.
 */
export const processStates = ['contact', 'assessment', 'plan', 'action', 'follow_up', 'individual_support_only', 'ended'] as const;
export type ProcessState = (typeof processStates)[number];

/** Where a contact came from; `notification` is a notification under the Social Welfare Act § 35. */
export const contactSources = ['self', 'referral', 'ask_for_help', 'network', 'notification'] as const;
export type ContactSource = (typeof contactSources)[number];

/** Why a client relationship ended (requirements § 1.3 rule 8; `client_refused` is "declined or not committed"). */
export const endReasons = ['no_longer_needs_network_work', 'moved_away', 'client_refused', 'transferred_to_other_service', 'other'] as const;
export type EndReason = (typeof endReasons)[number];

export const processEventTypes = [
  'start_assessment', 'complete_assessment', 'agree_plan', 'start_follow_up', 'continue_action', 'revise_plan',
  'choose_individual_support', 'resume_network_work', 'end',
] as const;
export type ProcessEventType = (typeof processEventTypes)[number];

/**
 * The end's answers. Moving away asks whether a handover network meeting with the new municipality's
 * services is arranged (003:6941–6959); a refusal asks the worker to answer the duty to notify
 * (ilmoitusvelvollisuus, 003:6533–6534). Free text here is client-record content: it is never audited.
 */
export const endInputSchema = z.discriminatedUnion('reason', [
  z.object({ reason: z.literal('no_longer_needs_network_work'), everydayLifeWorks: z.boolean(), knowsWhereToSeekHelp: z.boolean() }),
  z.object({
    reason: z.literal('moved_away'),
    handoverMeeting: z.enum(['to_be_arranged', 'held', 'not_held']),
    /** Why no handover meeting is held: required with `not_held`. */
    noMeetingReason: z.string().trim().max(2000).optional(),
  }).refine((e) => e.handoverMeeting !== 'not_held' || (e.noMeetingReason ?? '').length > 0, { message: 'say why no handover meeting is held', path: ['noMeetingReason'] }),
  z.object({
    reason: z.literal('client_refused'),
    notificationDuty: z.enum(['notification_made', 'to_be_made', 'not_needed']),
    /** Why no notification is needed: required with `not_needed`. */
    notNeededReason: z.string().trim().max(2000).optional(),
  }).refine((e) => e.notificationDuty !== 'not_needed' || (e.notNeededReason ?? '').length > 0, { message: 'say why no notification is needed', path: ['notNeededReason'] }),
  z.object({ reason: z.literal('transferred_to_other_service'), service: z.string().trim().min(1).max(300) }),
  z.object({ reason: z.literal('other'), description: z.string().trim().min(1).max(2000) }),
]);
export type EndInput = z.infer<typeof endInputSchema>;

export const processEventInputSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('start_assessment') }),
  z.object({ type: z.literal('complete_assessment') }),
  z.object({ type: z.literal('agree_plan') }),
  z.object({ type: z.literal('start_follow_up') }),
  z.object({ type: z.literal('continue_action') }),
  z.object({ type: z.literal('revise_plan') }),
  z.object({ type: z.literal('choose_individual_support') }),
  z.object({ type: z.literal('resume_network_work') }),
  z.object({ type: z.literal('end'), end: endInputSchema }),
]);
export type ProcessEventInput = z.infer<typeof processEventInputSchema>;

/** What the worker is asked to do next because of the answer (shown with the result). */
export type ProcessPrompt = 'arrange_handover_meeting' | 'make_notification';

/**
 * The questions an end reason asks before it can be saved (the form shows them as soon as the reason is
 * chosen): moving away asks about the handover meeting, a refusal about the duty to notify.
 */
export function endQuestions(reason: EndReason): ('handover_meeting' | 'duty_to_notify' | 'everyday_life' | 'service' | 'description')[] {
  switch (reason) {
    case 'moved_away': return ['handover_meeting'];
    case 'client_refused': return ['duty_to_notify'];
    case 'no_longer_needs_network_work': return ['everyday_life'];
    case 'transferred_to_other_service': return ['service'];
    case 'other': return ['description'];
  }
}

export type Transition =
  | { ok: true; to: ProcessState; prompts: ProcessPrompt[] }
  | { ok: false; reason: 'ended' | 'not_from_here' };

/** The state each event leads from, to. `end` leads from every state but `ended`. */
const moves: Record<Exclude<ProcessEventType, 'end'>, { from: readonly ProcessState[]; to: ProcessState }> = {
  start_assessment: { from: ['contact'], to: 'assessment' },
  complete_assessment: { from: ['assessment'], to: 'plan' },
  agree_plan: { from: ['plan'], to: 'action' },
  start_follow_up: { from: ['action'], to: 'follow_up' },
  continue_action: { from: ['follow_up'], to: 'action' },
  revise_plan: { from: ['follow_up'], to: 'plan' },
  choose_individual_support: { from: ['plan', 'action', 'follow_up'], to: 'individual_support_only' },
  resume_network_work: { from: ['individual_support_only'], to: 'plan' },
};

function promptsOf(end: EndInput): ProcessPrompt[] {
  if (end.reason === 'moved_away') return end.handoverMeeting === 'to_be_arranged' ? ['arrange_handover_meeting'] : [];
  if (end.reason === 'client_refused') return end.notificationDuty === 'to_be_made' ? ['make_notification'] : [];
  return [];
}

/** Pure: where `event` leads from `state`, and what it prompts. */
export function transition(state: ProcessState, event: ProcessEventInput): Transition {
  if (state === 'ended') return { ok: false, reason: 'ended' };
  if (event.type === 'end') return { ok: true, to: 'ended', prompts: promptsOf(event.end) };
  const move = moves[event.type];
  return move.from.includes(state) ? { ok: true, to: move.to, prompts: [] } : { ok: false, reason: 'not_from_here' };
}

/** The events allowed from a state (the buttons the web offers). */
export function eventsFrom(state: ProcessState): ProcessEventType[] {
  if (state === 'ended') return [];
  return processEventTypes.filter((type) => type === 'end' || moves[type].from.includes(state));
}
