/**
 * An ask-for-help request's states (issue 19 item 2): new until someone of the guidance team takes it,
 * in progress while it is worked on, waiting for the sender once staff have replied, closed at the end
 * (retention counts from the closing). Pure transitions, shared by the server and the web.
 */
export const helpRequestStatuses = ['new', 'in_progress', 'waiting_for_sender', 'closed'] as const;
export type HelpRequestStatus = (typeof helpRequestStatuses)[number];

export type HelpRequestEvent =
  /** Staff assign the request to someone (or take it). */
  | 'assigned'
  /** Staff reply to the sender. */
  | 'staff_replied'
  /** The sender writes again, coming back with the code. */
  | 'sender_replied'
  /** Staff set a state by hand. */
  | { set: HelpRequestStatus };

/** States staff may set by hand from each state: a closed request may be reopened, nothing goes back to new. */
const manual: Record<HelpRequestStatus, readonly HelpRequestStatus[]> = {
  new: ['in_progress', 'closed'],
  in_progress: ['waiting_for_sender', 'closed'],
  waiting_for_sender: ['in_progress', 'closed'],
  closed: ['in_progress'],
};

/** The state after `event`, or null when the event is not allowed in `from` (the server answers 409). */
export function nextHelpRequestStatus(from: HelpRequestStatus, event: HelpRequestEvent): HelpRequestStatus | null {
  if (event === 'assigned') return from === 'closed' ? null : from === 'new' ? 'in_progress' : from;
  if (event === 'staff_replied') return from === 'closed' ? null : 'waiting_for_sender';
  // A closed request takes no more messages from the sender: they send a new request instead.
  if (event === 'sender_replied') return from === 'closed' ? null : from === 'new' ? 'new' : 'in_progress';
  if (event.set === from) return from;
  return manual[from].includes(event.set) ? event.set : null;
}

/** Open requests count towards the team's notice; the answer time is kept until the first staff reply. */
export const isOpenHelpRequest = (status: HelpRequestStatus): boolean => status !== 'closed';
