import { endQuestions, type EndInput, type EndReason } from '../../domain/clients/process';

/** The end form as answered; the questions shown follow the reason (domain `endQuestions`). */
export type EndValues = {
  reason: EndReason | '';
  everydayLifeWorks: boolean;
  knowsWhereToSeekHelp: boolean;
  handoverMeeting: 'to_be_arranged' | 'held' | 'not_held' | '';
  noMeetingReason: string;
  notificationDuty: 'notification_made' | 'to_be_made' | 'not_needed' | '';
  notNeededReason: string;
  service: string;
  description: string;
};

export const emptyEnd: EndValues = {
  reason: '', everydayLifeWorks: false, knowsWhereToSeekHelp: false, handoverMeeting: '', noMeetingReason: '', notificationDuty: '', notNeededReason: '', service: '', description: '',
};

export const endFields = {
  reason: 'end-reason',
  handoverMeeting: 'end-handover-to_be_arranged',
  noMeetingReason: 'end-no-meeting-reason',
  notificationDuty: 'end-duty-notification_made',
  notNeededReason: 'end-not-needed-reason',
  service: 'end-service',
  description: 'end-description',
} as const;

/** Field id → translation key of the problem. */
export type EndProblems = Record<string, string>;

/** Checks the answers the chosen reason asks for, as the server's `endInputSchema` will. */
export function checkEnd(values: EndValues): { input: EndInput | null; problems: EndProblems } {
  const problems: EndProblems = {};
  if (values.reason === '') return { input: null, problems: { [endFields.reason]: 'clients.end.errors.reason' } };
  const asks = endQuestions(values.reason);
  const text = (s: string) => s.trim();
  if (asks.includes('handover_meeting')) {
    if (values.handoverMeeting === '') problems[endFields.handoverMeeting] = 'clients.end.errors.handover';
    else if (values.handoverMeeting === 'not_held' && text(values.noMeetingReason) === '') problems[endFields.noMeetingReason] = 'clients.end.errors.noMeetingReason';
  }
  if (asks.includes('duty_to_notify')) {
    if (values.notificationDuty === '') problems[endFields.notificationDuty] = 'clients.end.errors.duty';
    else if (values.notificationDuty === 'not_needed' && text(values.notNeededReason) === '') problems[endFields.notNeededReason] = 'clients.end.errors.notNeededReason';
  }
  if (asks.includes('service') && text(values.service) === '') problems[endFields.service] = 'clients.end.errors.service';
  if (asks.includes('description') && text(values.description) === '') problems[endFields.description] = 'clients.end.errors.description';
  if (Object.keys(problems).length > 0) return { input: null, problems };
  switch (values.reason) {
    case 'no_longer_needs_network_work':
      return { input: { reason: values.reason, everydayLifeWorks: values.everydayLifeWorks, knowsWhereToSeekHelp: values.knowsWhereToSeekHelp }, problems };
    case 'moved_away':
      return { input: { reason: values.reason, handoverMeeting: values.handoverMeeting as 'to_be_arranged' | 'held' | 'not_held', ...(values.handoverMeeting === 'not_held' ? { noMeetingReason: text(values.noMeetingReason) } : {}) }, problems };
    case 'client_refused':
      return { input: { reason: values.reason, notificationDuty: values.notificationDuty as 'notification_made' | 'to_be_made' | 'not_needed', ...(values.notificationDuty === 'not_needed' ? { notNeededReason: text(values.notNeededReason) } : {}) }, problems };
    case 'transferred_to_other_service':
      return { input: { reason: values.reason, service: text(values.service) }, problems };
    case 'other':
      return { input: { reason: values.reason, description: text(values.description) }, problems };
  }
}
