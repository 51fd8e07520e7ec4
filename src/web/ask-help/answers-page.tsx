import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, Paragraph } from 'suomifi-ui-components';
import type { SenderView } from '../../domain/help-requests/schemas';
import { PublicLayout } from '../announcements/public-layout';
import { isApiRequestError } from '../api/client';
import { formatDate, formatDateTime } from '../common/date-format';
import { ErrorAlert } from '../common/error-alert';
import { PageHeading } from '../common/page-heading';
import { asLocale } from '../structural/labels';
import { useOpenHelpRequest, useSenderReply } from './api';
import './ask-help.css';

/** A refusal the sender should read in plain words: an unknown code, or too many wrong ones from here. */
function CodeError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (isApiRequestError(error) && error.status === 404) return <p role="alert" className="help-notice" data-testid="help-code-error">{t('askHelp.answers.unknownCode')}</p>;
  if (isApiRequestError(error) && error.status === 429) return <p role="alert" className="help-notice" data-testid="help-code-error">{t('askHelp.answers.throttled')}</p>;
  return <ErrorAlert error={error} />;
}

/** The sender comes back with their receipt code: the answers, and a reply of their own. */
export function HelpAnswersPage() {
  return (
    <PublicLayout>
      <HelpAnswers />
    </PublicLayout>
  );
}

function HelpAnswers() {
  const { t } = useTranslation();
  const open = useOpenHelpRequest();
  const reply = useSenderReply();
  const [code, setCode] = useState('');
  const view = reply.data ?? open.data;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (code.trim()) open.mutate(code.trim());
  };
  return (
    <>
      <PageHeading>{t('askHelp.answers.title')}</PageHeading>
      {!view && (
        <form className="help-form" onSubmit={submit} data-testid="help-code-form">
          <div>
            <label htmlFor="help-code-input">{t('askHelp.answers.code')}</label>
            <p className="help-hint" id="help-code-hint">{t('askHelp.answers.codeHint')}</p>
            <input id="help-code-input" type="text" autoComplete="off" autoCapitalize="characters" spellCheck={false} aria-describedby="help-code-hint" maxLength={64} value={code} onChange={(e) => setCode(e.target.value)} />
          </div>
          {open.isError && <CodeError error={open.error} />}
          <div className="help-actions">
            <Button type="submit" disabled={open.isPending} data-action="open-help">{t('askHelp.answers.open')}</Button>
          </div>
        </form>
      )}
      {view && <Conversation view={view} onReply={(message, done) => reply.mutate({ code, message }, { onSuccess: done })} replying={reply.isPending} error={reply.error} />}
    </>
  );
}

type ConversationProps = { view: SenderView; onReply: (message: string, done: () => void) => void; replying: boolean; error: unknown };

function Conversation({ view, onReply, replying, error }: ConversationProps) {
  const { t, i18n } = useTranslation();
  const locale = asLocale(i18n.language);
  const [message, setMessage] = useState('');
  const answered = view.messages.some((m) => m.from === 'staff');
  return (
    <section aria-labelledby="help-conversation">
      <Heading variant="h2" id="help-conversation" mb="s">{t('askHelp.answers.conversation')}</Heading>
      <Paragraph mb="s">{t(`askHelp.senderStatus.${view.status}`)}</Paragraph>
      {!answered && <Paragraph mb="s">{t('askHelp.answers.notYet', { day: formatDate(view.answerDueDay, locale) })}</Paragraph>}
      <ol className="help-thread" data-testid="help-thread">
        {view.messages.map((m, i) => (
          <li key={i} data-from={m.from}>
            <span className="help-meta">{t(`askHelp.from.${m.from}`)} · {formatDateTime(m.at, locale)}</span>
            {m.text}
          </li>
        ))}
      </ol>
      {view.status !== 'closed' ? (
        <form className="help-form" onSubmit={(e) => { e.preventDefault(); if (message.trim()) onReply(message, () => setMessage('')); }}>
          <div>
            <label htmlFor="help-reply">{t('askHelp.answers.reply')}</label>
            <textarea id="help-reply" required rows={4} maxLength={4000} value={message} onChange={(e) => setMessage(e.target.value)} />
          </div>
          {error !== null && <ErrorAlert error={error} />}
          <div className="help-actions">
            <Button type="submit" disabled={replying} data-action="sender-reply">{t('askHelp.answers.send')}</Button>
          </div>
        </form>
      ) : (
        <Paragraph>{t('askHelp.answers.closed')}</Paragraph>
      )}
    </section>
  );
}
