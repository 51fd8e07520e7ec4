import { helsinkiDay } from '../../domain/calendar.js';
import type { HelpRequestDetail, HelpRequestSummary, SenderView } from '../../domain/help-requests/schemas.js';
import type { helpRequestMessages, helpRequestNotes } from '../db/schema-help.js';
import type { HelpRequestRow } from './repo.js';

type MessageRow = typeof helpRequestMessages.$inferSelect;
type NoteRow = typeof helpRequestNotes.$inferSelect;

const EXCERPT = 120;
const excerptOf = (text: string) => (text.length > EXCERPT ? `${text.slice(0, EXCERPT - 1)}…` : text);

/** Not answered yet, and the promised answer day is behind us (Helsinki days). */
export const isOverdue = (row: HelpRequestRow, now: Date): boolean =>
  row.firstReplyAt === null && row.status !== 'closed' && row.answerDueDay < helsinkiDay(now);

/** The sender's view: both ways of the conversation, with no staff name and no internal note. */
export function presentForSender(row: HelpRequestRow, messages: MessageRow[]): SenderView {
  return {
    status: row.status,
    receivedOn: helsinkiDay(row.receivedAt),
    answerDueDay: row.answerDueDay,
    callbackPhone: row.callbackPhone,
    messages: messages.map((m) => ({ from: m.author, text: m.body, at: m.at.toISOString() })),
  };
}

const personOf = (names: Map<string, string>, id: string | null) => (id === null ? null : { id, displayName: names.get(id) ?? '' });

export function presentSummary(row: HelpRequestRow, firstMessage: string, names: Map<string, string>, now: Date): HelpRequestSummary {
  return {
    id: row.id,
    status: row.status,
    receivedAt: row.receivedAt.toISOString(),
    answerDueDay: row.answerDueDay,
    isOverdue: isOverdue(row, now),
    firstReplyAt: row.firstReplyAt?.toISOString() ?? null,
    assignee: personOf(names, row.assigneeId),
    language: row.language,
    hasCallback: row.callbackPhone !== null,
    excerpt: excerptOf(firstMessage),
  };
}

export function presentDetail(
  row: HelpRequestRow,
  messages: MessageRow[],
  notes: NoteRow[],
  names: Map<string, string>,
  assignable: { id: string; displayName: string }[],
  now: Date,
): HelpRequestDetail {
  return {
    ...presentSummary(row, messages[0]?.body ?? '', names, now),
    callbackPhone: row.callbackPhone,
    closedAt: row.closedAt?.toISOString() ?? null,
    messages: messages.map((m) => ({ id: m.id, from: m.author, text: m.body, at: m.at.toISOString(), author: personOf(names, m.staffId) })),
    notes: notes.map((n) => ({ id: n.id, text: n.body, at: n.at.toISOString(), author: { id: n.authorId, displayName: names.get(n.authorId) ?? '' } })),
    clientId: row.clientId,
    consentRecordedAt: row.consentRecordedAt?.toISOString() ?? null,
    assignable,
  };
}
