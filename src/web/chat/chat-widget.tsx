import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from 'suomifi-ui-components';
import { chatTopics, type ChatStatus, type ChatTopic } from '../../domain/chat/schemas';
import { formatTime, formatWeekdayDate, helsinkiDate } from '../../domain/date-format';
import { useLocale } from '../i18n/use-locale';
import { ErrorAlert } from '../common/error-alert';
import { askHelpPath } from '../ask-help/paths';
import { startChat, useChatStatus } from './api';
import { ChatSession } from './chat-session';
import './chat.css';

const TOKEN_KEY = 'silta.chat.token';

function useOpeningText(status: ChatStatus | undefined): string | null {
  const { t } = useTranslation();
  const { locale } = useLocale();
  if (!status?.nextOpening) return null;
  const { from, to } = status.nextOpening;
  return t('chat.nextOpening', { from: `${formatWeekdayDate(helsinkiDate(from), locale, { weekday: 'long' })} ${formatTime(from, locale)}`, to: formatTime(to, locale) });
}

/**
 * The public chat: shown as open only while a rota worker is online within the opening hours (the
 * server decides, holidays included); otherwise when it opens next and the ask-for-help path. It says
 * up front that the chat is anonymous and not for personal matters.
 */
export function ChatWidget({ regionId }: { regionId: string }) {
  const { t } = useTranslation();
  const status = useChatStatus(regionId);
  const [token, setToken] = useState<string | null>(() => sessionStorage.getItem(TOKEN_KEY));
  const [topic, setTopic] = useState<ChatTopic | ''>('');
  const [error, setError] = useState<unknown>(null);
  const openingText = useOpeningText(status.data);

  if (token) {
    return (
      <section className="chat-widget" aria-labelledby="chat-title" data-chat-state="session">
        <h2 id="chat-title">{t('chat.title')}</h2>
        <ChatSession token={token} onLeave={() => (sessionStorage.removeItem(TOKEN_KEY), setToken(null))} />
      </section>
    );
  }
  const isOpen = status.data?.isOpen === true;
  const begin = async () => {
    setError(null);
    try {
      const started = await startChat(regionId, topic === '' ? undefined : topic);
      sessionStorage.setItem(TOKEN_KEY, started.token);
      setToken(started.token);
    } catch (failure) {
      setError(failure);
      void status.refetch();
    }
  };
  return (
    <section className="chat-widget" aria-labelledby="chat-title" data-chat-state={status.isPending ? 'loading' : isOpen ? 'open' : 'closed'}>
      <h2 id="chat-title">{t('chat.title')}</h2>
      <div role="status" className="chat-widget__status">
        {status.isPending ? t('chat.checking') : isOpen ? t('chat.openNow') : t('chat.closedNow')}
      </div>
      <p className="chat-widget__notice">{t('chat.anonymousNotice')}</p>
      <p>
        <a href={askHelpPath(regionId)} className="chat-widget__secure">{t('chat.continueSecurely')}</a>
      </p>
      {isOpen ? (
        <div className="chat-widget__start">
          <label htmlFor="chat-topic">{t('chat.topicLabel')}</label>
          <select id="chat-topic" value={topic} onChange={(e) => setTopic(e.target.value as ChatTopic | '')}>
            <option value="">{t('chat.topicNone')}</option>
            {chatTopics.map((value) => <option key={value} value={value}>{t(`chat.topics.${value}`)}</option>)}
          </select>
          <Button onClick={() => void begin()}>{t('chat.start')}</Button>
        </div>
      ) : status.data ? (
        <p className="chat-widget__next">{openingText ?? t('chat.noOpening')}</p>
      ) : null}
      {error ? <ErrorAlert error={error} /> : null}
    </section>
  );
}
