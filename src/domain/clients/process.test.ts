import { describe, expect, it } from 'vitest';
import { endInputSchema, endReasons, eventsFrom, processStates, transition, type ProcessEventInput, type ProcessEventType, type ProcessState } from './process.js';

const sample: Record<ProcessEventType, ProcessEventInput> = {
  start_assessment: { type: 'start_assessment' },
  complete_assessment: { type: 'complete_assessment' },
  agree_plan: { type: 'agree_plan' },
  start_follow_up: { type: 'start_follow_up' },
  continue_action: { type: 'continue_action' },
  revise_plan: { type: 'revise_plan' },
  choose_individual_support: { type: 'choose_individual_support' },
  resume_network_work: { type: 'resume_network_work' },
  end: { type: 'end', end: { reason: 'other', description: 'Asiakas siirtyi opiskelemaan' } },
};

// The whole table, written out by hand from the process maps: every state × every event.
const expected: Record<ProcessState, Partial<Record<ProcessEventType, ProcessState>>> = {
  contact: { start_assessment: 'assessment', end: 'ended' },
  assessment: { complete_assessment: 'plan', end: 'ended' },
  plan: { agree_plan: 'action', choose_individual_support: 'individual_support_only', end: 'ended' },
  action: { start_follow_up: 'follow_up', choose_individual_support: 'individual_support_only', end: 'ended' },
  follow_up: { continue_action: 'action', revise_plan: 'plan', choose_individual_support: 'individual_support_only', end: 'ended' },
  individual_support_only: { resume_network_work: 'plan', end: 'ended' },
  ended: {},
};

describe('client process transitions', () => {
  it('answers every state × event as the table says, and nothing leads out of ended', () => {
    let checked = 0;
    for (const state of processStates) {
      for (const [type, event] of Object.entries(sample) as [ProcessEventType, ProcessEventInput][]) {
        const to = expected[state][type];
        const result = transition(state, event);
        if (to) expect(result, `${state} × ${type}`).toEqual({ ok: true, to, prompts: [] });
        else expect(result, `${state} × ${type}`).toEqual({ ok: false, reason: state === 'ended' ? 'ended' : 'not_from_here' });
        checked += 1;
      }
      expect(eventsFrom(state).sort()).toEqual(Object.keys(expected[state]).sort());
    }
    expect(checked).toBe(processStates.length * Object.keys(sample).length);
  });

  it('prompts a handover meeting when a client moving away has none arranged yet, and a notification when one is to be made', () => {
    const end = (e: unknown) => ({ type: 'end' as const, end: endInputSchema.parse(e) });
    expect(transition('action', end({ reason: 'moved_away', handoverMeeting: 'to_be_arranged' }))).toEqual({ ok: true, to: 'ended', prompts: ['arrange_handover_meeting'] });
    expect(transition('action', end({ reason: 'moved_away', handoverMeeting: 'held' }))).toEqual({ ok: true, to: 'ended', prompts: [] });
    expect(transition('contact', end({ reason: 'client_refused', notificationDuty: 'to_be_made' }))).toEqual({ ok: true, to: 'ended', prompts: ['make_notification'] });
    expect(transition('contact', end({ reason: 'client_refused', notificationDuty: 'notification_made' }))).toEqual({ ok: true, to: 'ended', prompts: [] });
    expect(transition('individual_support_only', end({ reason: 'client_refused', notificationDuty: 'to_be_made' }))).toEqual({ ok: true, to: 'ended', prompts: ['make_notification'] });
  });

  it('keeps individual support for after the assessment: not from contact or assessment, back to planning when the client agrees', () => {
    expect(transition('contact', sample.choose_individual_support)).toEqual({ ok: false, reason: 'not_from_here' });
    expect(transition('assessment', sample.choose_individual_support)).toEqual({ ok: false, reason: 'not_from_here' });
    expect(transition('individual_support_only', sample.choose_individual_support)).toEqual({ ok: false, reason: 'not_from_here' });
    expect(transition('individual_support_only', sample.resume_network_work)).toEqual({ ok: true, to: 'plan', prompts: [] });
    expect(eventsFrom('individual_support_only')).toEqual(['resume_network_work', 'end']);
  });

  it('will not end without the answers the reason asks for', () => {
    expect(endInputSchema.safeParse({ reason: 'client_refused' }).success).toBe(false);
    expect(endInputSchema.safeParse({ reason: 'client_refused', notificationDuty: 'not_needed' }).success).toBe(false);
    expect(endInputSchema.safeParse({ reason: 'client_refused', notificationDuty: 'not_needed', notNeededReason: 'Ei huolta lapsen tilanteesta' }).success).toBe(true);
    expect(endInputSchema.safeParse({ reason: 'moved_away' }).success).toBe(false);
    expect(endInputSchema.safeParse({ reason: 'moved_away', handoverMeeting: 'not_held' }).success).toBe(false);
    expect(endInputSchema.safeParse({ reason: 'other', description: ' ' }).success).toBe(false);
    for (const reason of endReasons) expect(endInputSchema.safeParse({ reason }).success, reason).toBe(false);
  });
});
