import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from 'suomifi-ui-components';
import { ErrorAlert } from '../common/error-alert';
import { Loading } from '../common/loading';
import { PageHeading } from '../common/page-heading';
import { acceptChat, setPresence, useChatConsole } from './api';
import { ChatPanel } from './chat-panel';
import './chat.css';

/**
 * The worker's chat console: go online (only rota members can), take chats from the queue, answer
 * several at once, with ready answers, and hand one to a colleague who is online.
 */
export function ChatConsolePage() {
  const { t } = useTranslation();
  const console = useChatConsole();
  const queryClient = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const act = (work: Promise<unknown>) =>
    void work.then(() => queryClient.invalidateQueries({ queryKey: ['chat', 'console'] }), setError);
  if (console.isPending) return <Loading />;
  if (console.isError) return <ErrorAlert error={console.error} />;
  const view = console.data;
  return (
    <div className="chat-console">
      <PageHeading>{t('chatConsole.title')}</PageHeading>
      <div role="status" aria-live="polite" data-console-presence={view.isOnline ? 'online' : 'offline'}>
        {view.isOnline ? t('chatConsole.youAreOnline') : t('chatConsole.youAreOffline')} {view.status.isWithinHours ? t('chatConsole.withinHours') : t('chatConsole.outsideHours')}
      </div>
      {view.isOnRota ? (
        <Button onClick={() => act(setPresence(!view.isOnline))}>{view.isOnline ? t('chatConsole.goOffline') : t('chatConsole.goOnline')}</Button>
      ) : (
        <p>{t('chatConsole.notOnRota')}</p>
      )}
      <section aria-labelledby="chat-queue-title">
        <h2 id="chat-queue-title">{t('chatConsole.queue', { count: view.queue.length })}</h2>
        <ul className="chat-queue" aria-live="polite">
          {view.queue.map((chat, index) => (
            <li key={chat.chatId}>
              {t('chatConsole.queued', { position: index + 1, topic: chat.topic ? t(`chat.topics.${chat.topic}`) : t('chat.topicNone') })}{' '}
              <Button variant="secondary" onClick={() => act(acceptChat(chat.chatId))}>{t('chatConsole.accept')}</Button>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="chat-mine-title">
        <h2 id="chat-mine-title">{t('chatConsole.myChats')}</h2>
        <div className="chat-console__chats">
          {view.mine.map((chat) => (
            <ChatPanel key={chat.chatId} chatId={chat.chatId} readyAnswers={view.readyAnswers} colleagues={view.colleaguesOnline} onChanged={() => act(Promise.resolve())} />
          ))}
        </div>
      </section>
      {error ? <ErrorAlert error={error} /> : null}
    </div>
  );
}
