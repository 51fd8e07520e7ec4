import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Paragraph } from 'suomifi-ui-components';
import { helpRequestStatuses } from '../../domain/help-requests/schemas';
import { AppLink } from '../common/app-link';
import { formatDate, formatDateTime } from '../common/date-format';
import { ErrorAlert } from '../common/error-alert';
import { Loading } from '../common/loading';
import { PageHeading } from '../common/page-heading';
import { asLocale } from '../structural/labels';
import { useHelpInbox } from './api';
import './ask-help.css';

/** The guidance team's inbox: open requests oldest first, where the promised answer day runs out. */
export function HelpInboxPage() {
  const { t, i18n } = useTranslation();
  const locale = asLocale(i18n.language);
  const [status, setStatus] = useState('open');
  const inbox = useHelpInbox(status);
  return (
    <>
      <PageHeading>{t('askHelp.inbox.title')}</PageHeading>
      <Paragraph mb="m">{t('askHelp.inbox.intro')}</Paragraph>
      <div className="help-form help-no-print">
        <div>
          <label htmlFor="help-status-filter">{t('askHelp.inbox.show')}</label>
          <select id="help-status-filter" value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="open">{t('askHelp.inbox.open')}</option>
            {helpRequestStatuses.map((s) => <option key={s} value={s}>{t(`askHelp.statuses.${s}`)}</option>)}
          </select>
        </div>
      </div>
      {inbox.isPending ? <Loading /> : inbox.isError ? <ErrorAlert error={inbox.error} /> : inbox.data.length === 0 ? (
        <Paragraph mt="m">{t('askHelp.inbox.none')}</Paragraph>
      ) : (
        <table className="help-table" data-testid="help-inbox">
          <thead>
            <tr>
              <th scope="col">{t('askHelp.inbox.received')}</th>
              <th scope="col">{t('askHelp.inbox.message')}</th>
              <th scope="col">{t('askHelp.inbox.status')}</th>
              <th scope="col">{t('askHelp.inbox.assignee')}</th>
              <th scope="col">{t('askHelp.inbox.answerBy')}</th>
            </tr>
          </thead>
          <tbody>
            {inbox.data.map((r) => (
              <tr key={r.id}>
                <td>{formatDateTime(r.receivedAt, locale)}</td>
                <td><AppLink to={`/help-requests/${r.id}`}>{r.excerpt}</AppLink></td>
                <td>{t(`askHelp.statuses.${r.status}`)}</td>
                <td>{r.assignee?.displayName ?? t('askHelp.inbox.nobody')}</td>
                <td className={r.isOverdue ? 'help-overdue' : undefined}>
                  {r.firstReplyAt ? t('askHelp.inbox.answered') : formatDate(r.answerDueDay, locale)}
                  {r.isOverdue && <> · {t('askHelp.inbox.overdue')}</>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
