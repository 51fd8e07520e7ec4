import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from 'suomifi-ui-components';
import type { ChatEvent } from '../../domain/chat/schemas';
import { ErrorAlert } from '../common/error-alert';
import { endAsVisitor, giveChatFeedback, sendAsVisitor, useVisitState, visitUrl } from './api';
import { ChatLog, downloadTranscript } from './chat-log';
import { followChat, mergeEvents } from './stream';
import { useLocale } from '../i18n/use-locale';

/** The visitor's chat: the queue, the conversation, a copy they may download, and feedback at the end. */
export function ChatSession({ token, onLeave }: { token: string; onLeave: () => void }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [events, setEvents] = useState<ChatEvent[]>([]);
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<unknown>(null);
  const hasEnded = events.some((e) => e.kind === 'ended');
  const isAnswered = events.some((e) => e.kind === 'accepted');
  const state = useVisitState(token, !isAnswered && !hasEnded);

  useEffect(() => followChat(`${visitUrl(token)}/stream`, 0, (fresh) => setEvents((shown) => mergeEvents(shown, fresh))), [token]);
  // A chat that is gone (its token no longer known) cannot be resumed: back to the start.
  useEffect(() => {
    if (state.isError) onLeave();
  }, [state.isError, onLeave]);

  const send = async (event: FormEvent) => {
    event.preventDefault();
    if (draft.trim() === '') return;
    try {
      await sendAsVisitor(token, draft);
      setDraft('');
    } catch (failure) {
      setError(failure);
    }
  };
  const position = state.data?.queuePosition;
  return (
    <div className="chat-session" data-chat-phase={hasEnded ? 'ended' : isAnswered ? 'active' : 'queued'}>
      <div role="status" aria-live="polite" className="chat-session__queue">
        {hasEnded ? t('chat.ended') : isAnswered ? t('chat.answered') : position ? t('chat.queuePosition', { position }) : t('chat.waiting')}
      </div>
      <ChatLog events={events} mine="visitor" />
      {!hasEnded ? (
        <form onSubmit={(e) => void send(e)} className="chat-session__form">
          <label htmlFor="chat-message">{t('chat.messageLabel')}</label>
          <textarea id="chat-message" value={draft} maxLength={2000} rows={3} onChange={(e) => setDraft(e.target.value)} />
          <Button type="submit">{t('chat.send')}</Button>
        </form>
      ) : null}
      <div className="chat-session__actions">
        <Button variant="secondary" onClick={() => downloadTranscript(events, t, locale)}>{t('chat.downloadCopy')}</Button>
        {!hasEnded ? <Button variant="secondary" onClick={() => void endAsVisitor(token).catch(setError)}>{t('chat.end')}</Button> : null}
      </div>
      {hasEnded ? <Feedback token={token} canGive={isAnswered} onDone={onLeave} /> : null}
      {error ? <ErrorAlert error={error} /> : null}
    </div>
  );
}

/** One optional question after the chat: no identifier goes with the answer. */
function Feedback({ token, canGive, onDone }: { token: string; canGive: boolean; onDone: () => void }) {
  const { t } = useTranslation();
  const [isSent, setIsSent] = useState(false);
  if (isSent) return <p role="status">{t('chat.feedbackThanks')}</p>;
  return (
    <div className="chat-feedback">
      {canGive ? (
        <fieldset>
          <legend>{t('chat.feedbackQuestion')}</legend>
          {[1, 2, 3, 4, 5].map((rating) => (
            <Button key={rating} variant="secondary" aria-label={t('chat.feedbackRating', { rating })} onClick={() => void giveChatFeedback(token, rating).then(() => setIsSent(true))}>
              {String(rating)}
            </Button>
          ))}
        </fieldset>
      ) : null}
      <Button variant="secondaryNoBorder" onClick={onDone}>{t('chat.close')}</Button>
    </div>
  );
}
