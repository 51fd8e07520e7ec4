import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../common/error-alert';
import { Loading } from '../common/loading';
import { PageHeading } from '../common/page-heading';
import type { ChatOutcome, ChatTopic } from '../../domain/chat/schemas';
import { useChatReport } from './api';

type Weekday = '1' | '2' | '3' | '4' | '5' | '6' | '7';
import './chat.css';

const today = () => new Date().toISOString().slice(0, 10);
const monthAgo = () => new Date(Date.now() - 30 * 86400_000).toISOString().slice(0, 10);

/** The chat's tallies: chats per opening hour, waiting times, share answered, topics, outcomes, feedback. */
export function ChatReportPage() {
  const { t } = useTranslation();
  const [from, setFrom] = useState(monthAgo);
  const [to, setTo] = useState(today);
  const report = useChatReport(from, to);
  return (
    <div className="chat-report">
      <PageHeading>{t('chatConsole.report.title')}</PageHeading>
      <label htmlFor="chat-report-from">{t('chatConsole.report.from')}</label> <input id="chat-report-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />{' '}
      <label htmlFor="chat-report-to">{t('chatConsole.report.to')}</label> <input id="chat-report-to" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
      {report.isPending ? <Loading /> : report.isError ? <ErrorAlert error={report.error} /> : (
        <>
          <p data-testid="chat-report-totals">
            {t('chatConsole.report.totals', { chats: report.data.chats, answered: report.data.answered, share: report.data.chats === 0 ? 0 : Math.round((100 * report.data.answered) / report.data.chats) })}{' '}
            {t('chatConsole.report.wait', { median: report.data.waitSeconds.median ?? '–', p90: report.data.waitSeconds.p90 ?? '–' })}
          </p>
          <h2>{t('chatConsole.report.perHour')}</h2>
          <table>
            <thead><tr><th scope="col">{t('chatConsole.report.weekday')}</th><th scope="col">{t('chatConsole.report.hour')}</th><th scope="col">{t('chatConsole.report.chats')}</th></tr></thead>
            <tbody>{report.data.perOpeningHour.map((r) => <tr key={`${r.weekday}-${r.hour}`}><td>{t(`chatConsole.weekdays.${String(r.weekday) as Weekday}`)}</td><td>{`${r.hour}–${r.hour + 1}`}</td><td>{r.chats}</td></tr>)}</tbody>
          </table>
          <h2>{t('chatConsole.report.topics')}</h2>
          <table>
            <tbody>{report.data.topics.map((r) => <tr key={r.topic}><th scope="row">{r.topic === 'none' ? t('chat.topicNone') : t(`chat.topics.${r.topic as ChatTopic}`)}</th><td>{r.chats}</td></tr>)}</tbody>
          </table>
          <h2>{t('chatConsole.report.outcomes')}</h2>
          <table>
            <tbody>{report.data.outcomes.map((r) => <tr key={r.outcome}><th scope="row">{t(`chatConsole.outcomes.${r.outcome as ChatOutcome | 'open'}`)}</th><td>{r.chats}</td></tr>)}</tbody>
          </table>
          <h2>{t('chatConsole.report.feedback')}</h2>
          <p>{t('chatConsole.report.feedbackSummary', { answers: report.data.feedback.answers, average: report.data.feedback.average ?? '–' })}</p>
        </>
      )}
    </div>
  );
}
