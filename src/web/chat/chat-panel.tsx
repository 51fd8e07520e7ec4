import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from 'suomifi-ui-components';
import { chatOutcomes, chatTopics, type ChatEvent, type ChatOutcome, type ChatTopic } from '../../domain/chat/schemas';
import { ErrorAlert } from '../common/error-alert';
import { endAsWorker, handOver, sendAsWorker } from './api';
import { ChatLog } from './chat-log';
import { followChat, mergeEvents } from './stream';

type Props = { chatId: string; readyAnswers: string[]; colleagues: { userId: string; displayName: string }[]; onChanged: () => void };

/** One chat in the worker's console: its log, a message box with ready answers, hand-over and end. */
export function ChatPanel({ chatId, readyAnswers, colleagues, onChanged }: Props) {
  const { t } = useTranslation();
  const [events, setEvents] = useState<ChatEvent[]>([]);
  const [draft, setDraft] = useState('');
  const [topic, setTopic] = useState<ChatTopic>('other');
  const [outcome, setOutcome] = useState<ChatOutcome>('advised');
  const [colleague, setColleague] = useState('');
  const [error, setError] = useState<unknown>(null);
  useEffect(() => followChat(`/api/chat/chats/${chatId}/stream`, 0, (fresh) => setEvents((shown) => mergeEvents(shown, fresh))), [chatId]);
  const run = (work: Promise<unknown>, after?: () => void) => void work.then(() => (after?.(), undefined), setError);
  const send = (event: FormEvent) => {
    event.preventDefault();
    if (draft.trim() !== '') run(sendAsWorker(chatId, draft), () => setDraft(''));
  };
  const inputId = `chat-answer-${chatId}`;
  return (
    <section className="chat-panel" aria-label={t('chatConsole.chatLabel')} data-chat-id={chatId}>
      <ChatLog events={events} mine="worker" />
      <form onSubmit={send} className="chat-session__form">
        <label htmlFor={`${inputId}-ready`}>{t('chatConsole.readyAnswers')}</label>
        <select id={`${inputId}-ready`} value="" onChange={(e) => setDraft(e.target.value)}>
          <option value="">{t('chatConsole.pickReady')}</option>
          {readyAnswers.map((text) => <option key={text} value={text}>{text}</option>)}
        </select>
        <label htmlFor={inputId}>{t('chatConsole.answer')}</label>
        <textarea id={inputId} value={draft} maxLength={2000} rows={3} onChange={(e) => setDraft(e.target.value)} />
        <Button type="submit">{t('chat.send')}</Button>
      </form>
      <div className="chat-session__form">
        <label htmlFor={`${inputId}-colleague`}>{t('chatConsole.handTo')}</label>
        <select id={`${inputId}-colleague`} value={colleague} onChange={(e) => setColleague(e.target.value)}>
          <option value="">{t('chatConsole.pickColleague')}</option>
          {colleagues.map((c) => <option key={c.userId} value={c.userId}>{c.displayName}</option>)}
        </select>
        <Button variant="secondary" disabled={colleague === ''} onClick={() => run(handOver(chatId, colleague), onChanged)}>{t('chatConsole.handOver')}</Button>
      </div>
      <div className="chat-session__form">
        <label htmlFor={`${inputId}-topic`}>{t('chatConsole.topic')}</label>
        <select id={`${inputId}-topic`} value={topic} onChange={(e) => setTopic(e.target.value as ChatTopic)}>
          {chatTopics.map((value) => <option key={value} value={value}>{t(`chat.topics.${value}`)}</option>)}
        </select>
        <label htmlFor={`${inputId}-outcome`}>{t('chatConsole.outcome')}</label>
        <select id={`${inputId}-outcome`} value={outcome} onChange={(e) => setOutcome(e.target.value as ChatOutcome)}>
          {chatOutcomes.map((value) => <option key={value} value={value}>{t(`chatConsole.outcomes.${value}`)}</option>)}
        </select>
        <Button variant="secondary" onClick={() => run(endAsWorker(chatId, topic, outcome), onChanged)}>{t('chatConsole.end')}</Button>
      </div>
      {error ? <ErrorAlert error={error} /> : null}
    </section>
  );
}
