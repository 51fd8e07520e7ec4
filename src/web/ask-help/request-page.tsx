import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Button, Heading, Paragraph } from 'suomifi-ui-components';
import { helpRequestStatuses, nextHelpRequestStatus, type HelpRequestDetail, type HelpRequestStatus } from '../../domain/help-requests/schemas';
import { AppLink } from '../common/app-link';
import { formatDate, formatDateTime } from '../common/date-format';
import { ErrorAlert } from '../common/error-alert';
import { Loading } from '../common/loading';
import { PageHeading } from '../common/page-heading';
import { asLocale } from '../structural/labels';
import { useAddHelpNote, useHelpRequest, useReplyToSender, useUpdateHelpRequest } from './api';
import { ConvertForm } from './convert-form';
import './ask-help.css';

/** A text box with a button: the reply to the sender, or an internal note. */
function TextForm({ id, label, button, action, send, pending, error }: { id: string; label: string; button: string; action: string; send: (text: string, done: () => void) => void; pending: boolean; error: unknown }) {
  const [text, setText] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (text.trim()) send(text, () => setText(''));
  };
  return (
    <form className="help-form" onSubmit={submit}>
      <div>
        <label htmlFor={id}>{label}</label>
        <textarea id={id} required rows={4} maxLength={4000} value={text} onChange={(e) => setText(e.target.value)} />
      </div>
      {error !== null && <ErrorAlert error={error} />}
      <div className="help-actions"><Button type="submit" disabled={pending} data-action={action}>{button}</Button></div>
    </form>
  );
}

function Handling({ request }: { request: HelpRequestDetail }) {
  const { t } = useTranslation();
  const update = useUpdateHelpRequest(request.id);
  const states = helpRequestStatuses.filter((s) => s === request.status || nextHelpRequestStatus(request.status, { set: s }) !== null);
  return (
    <div className="help-form help-no-print">
      <div>
        <label htmlFor="help-assignee">{t('askHelp.detail.assignee')}</label>
        <select id="help-assignee" value={request.assignee?.id ?? ''} disabled={update.isPending} onChange={(e) => update.mutate({ assigneeId: e.target.value === '' ? null : e.target.value })}>
          <option value="">{t('askHelp.inbox.nobody')}</option>
          {request.assignable.map((p) => <option key={p.id} value={p.id}>{p.displayName}</option>)}
        </select>
      </div>
      <div>
        <label htmlFor="help-status">{t('askHelp.detail.status')}</label>
        <select id="help-status" value={request.status} disabled={update.isPending} onChange={(e) => update.mutate({ status: e.target.value as HelpRequestStatus })}>
          {states.map((s) => <option key={s} value={s}>{t(`askHelp.statuses.${s}`)}</option>)}
        </select>
      </div>
      {update.isError && <ErrorAlert error={update.error} />}
    </div>
  );
}

/** One request as the guidance team works it: the conversation, assignment and state, notes, the reply, and the client contact. */
export function HelpRequestPage() {
  const { t, i18n } = useTranslation();
  const locale = asLocale(i18n.language);
  const { requestId = '' } = useParams();
  const query = useHelpRequest(requestId);
  const reply = useReplyToSender(requestId);
  const note = useAddHelpNote(requestId);
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorAlert error={query.error} />;
  const r = query.data;
  return (
    <>
      <PageHeading>{t('askHelp.detail.title', { day: formatDate(r.receivedAt.slice(0, 10), locale) })}</PageHeading>
      <p className="help-no-print"><AppLink to="/help-requests">{t('askHelp.detail.back')}</AppLink></p>
      <Paragraph mb="s" data-testid="help-detail-status">{t(`askHelp.statuses.${r.status}`)}</Paragraph>
      <Paragraph mb="s" className={r.isOverdue ? 'help-overdue' : undefined}>
        {r.firstReplyAt ? t('askHelp.detail.firstReply', { at: formatDateTime(r.firstReplyAt, locale) }) : t('askHelp.detail.answerBy', { day: formatDate(r.answerDueDay, locale) })}
      </Paragraph>
      <Paragraph mb="m">{r.callbackPhone ? t('askHelp.detail.callback', { phone: r.callbackPhone }) : t('askHelp.detail.noCallback')}</Paragraph>
      <Handling request={r} />

      <Heading variant="h2" mb="s" mt="l">{t('askHelp.detail.conversation')}</Heading>
      <ol className="help-thread" data-testid="help-staff-thread">
        {r.messages.map((m) => (
          <li key={m.id} data-from={m.from}>
            <span className="help-meta">{m.author ? m.author.displayName : t('askHelp.from.sender')} · {formatDateTime(m.at, locale)}</span>
            {m.text}
          </li>
        ))}
      </ol>
      {r.status !== 'closed' && (
        <TextForm id="help-staff-reply" label={t('askHelp.detail.reply')} button={t('askHelp.detail.sendReply')} action="staff-reply"
          send={(text, done) => reply.mutate(text, { onSuccess: done })} pending={reply.isPending} error={reply.error} />
      )}
      <Paragraph mt="s">{t('askHelp.detail.replyNote')}</Paragraph>

      <Heading variant="h2" mb="s" mt="l">{t('askHelp.detail.notes')}</Heading>
      {r.notes.length === 0 ? <Paragraph>{t('askHelp.detail.noNotes')}</Paragraph> : (
        <ul className="help-thread">{r.notes.map((n) => <li key={n.id}><span className="help-meta">{n.author.displayName} · {formatDateTime(n.at, locale)}</span>{n.text}</li>)}</ul>
      )}
      <TextForm id="help-note" label={t('askHelp.detail.note')} button={t('askHelp.detail.addNote')} action="add-note"
        send={(text, done) => note.mutate(text, { onSuccess: done })} pending={note.isPending} error={note.error} />

      <Heading variant="h2" mb="s" mt="l">{t('askHelp.detail.client')}</Heading>
      {r.clientId ? (
        <Paragraph>{t('askHelp.detail.isClient', { at: formatDateTime(r.consentRecordedAt ?? '', locale) })} <AppLink to={`/clients/${r.clientId}`}>{t('askHelp.detail.openClient')}</AppLink></Paragraph>
      ) : <ConvertForm request={r} />}
    </>
  );
}
