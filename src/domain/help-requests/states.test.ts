import { describe, expect, it } from 'vitest';
import { helpRequestStatuses, nextHelpRequestStatus, type HelpRequestEvent } from './states.js';

describe('ask-for-help request states', () => {
  it('moves as the guidance team works and the sender writes back', () => {
    expect(nextHelpRequestStatus('new', 'assigned')).toBe('in_progress');
    expect(nextHelpRequestStatus('in_progress', 'staff_replied')).toBe('waiting_for_sender');
    expect(nextHelpRequestStatus('waiting_for_sender', 'sender_replied')).toBe('in_progress');
    expect(nextHelpRequestStatus('new', 'sender_replied')).toBe('new');
    expect(nextHelpRequestStatus('waiting_for_sender', { set: 'closed' })).toBe('closed');
    expect(nextHelpRequestStatus('closed', { set: 'in_progress' })).toBe('in_progress');
  });

  it('refuses every event on a closed request but reopening, and never goes back to new by hand', () => {
    const events: HelpRequestEvent[] = ['assigned', 'staff_replied', 'sender_replied', ...helpRequestStatuses.map((s) => ({ set: s }))];
    const fromClosed = events.filter((e) => nextHelpRequestStatus('closed', e) !== null);
    expect(fromClosed).toEqual([{ set: 'in_progress' }, { set: 'closed' }]);
    for (const from of helpRequestStatuses.filter((s) => s !== 'new')) expect(nextHelpRequestStatus(from, { set: 'new' })).toBeNull();
  });
});
