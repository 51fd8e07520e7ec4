import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ChatEvent } from '../../domain/chat/schemas';
import { formatTime } from '../../domain/date-format';
import type { Locale } from '../../domain/org';
import { useLocale } from '../i18n/use-locale';

function lineOf(event: ChatEvent, t: TFunction, mine: 'visitor' | 'worker'): string {
  if (event.kind === 'visitor' || event.kind === 'worker') return event.kind === mine ? t('chat.you') : event.kind === 'worker' ? t('chat.worker') : t('chat.visitor');
  return t(`chat.events.${event.kind}`);
}

/**
 * The conversation as a log: a screen reader announces each new message as it arrives (role="log" is
 * a polite live region), without reading the whole history again.
 */
export function ChatLog({ events, mine }: { events: ChatEvent[]; mine: 'visitor' | 'worker' }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  return (
    <ol className="chat-log" role="log" aria-live="polite" aria-label={t('chat.logLabel')}>
      {events.map((e) => (
        <li key={e.seq} className={`chat-log__item chat-log__item--${e.kind === mine ? 'mine' : e.kind}`} data-seq={e.seq}>
          <span className="chat-log__who">{lineOf(e, t, mine)} <time dateTime={e.at}>{formatTime(e.at, locale)}</time></span>
          {e.kind === 'visitor' || e.kind === 'worker' ? <span className="chat-log__body">{e.body}</span> : null}
        </li>
      ))}
    </ol>
  );
}

/** The visitor's copy, made in their browser: the server never keeps the text once the chat ends. */
export function downloadTranscript(events: ChatEvent[], t: TFunction, locale: Locale): void {
  const text = events
    .filter((e) => e.kind === 'visitor' || e.kind === 'worker')
    .map((e) => `[${formatTime(e.at, locale)}] ${e.kind === 'visitor' ? t('chat.you') : t('chat.worker')}: ${e.body}`)
    .join('\n');
  const url = URL.createObjectURL(new Blob([`${t('chat.title')}\n\n${text}\n`], { type: 'text/plain;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = 'chat.txt';
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
