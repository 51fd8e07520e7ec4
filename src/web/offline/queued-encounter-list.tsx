import './queued.css';
import { useTranslation } from 'react-i18next';
import { formatVisitorCode } from '../../domain/visitor-code';
import { formatTime } from '../../domain/date-format';
import { useLocale } from '../i18n/use-locale';
import type { QueuedEncounter } from './queued-encounters';


/**
 * The day's encounters that wait in this device's outbox, each marked "not yet sent", so a worker
 * without a network still sees what they recorded. `codeLabel` names a need or support code.
 */
export function QueuedEncounterList({ entries, codeLabel }: { entries: QueuedEncounter[]; codeLabel: (kind: 'need' | 'support', ref: string) => string }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  if (entries.length === 0) return null;
  const visitText = (e: QueuedEncounter) =>
    e.visitorCode !== null && e.visitorCode !== undefined && e.visitorCode !== ''
      ? t('encounters.withCode', { code: formatVisitorCode(e.visitorCode) })
      : t(`encounters.visitOption.${e.isFirstVisit === null || e.isFirstVisit === undefined ? 'unknown' : e.isFirstVisit ? 'first' : 'repeat'}`);
  return (
    <ul className="encounter-list encounter-list--queued" data-testid="queued-encounter-list" aria-label={t('offlineList.queuedLabel', { count: entries.length })}>
      {entries.map((e) => (
        <li key={e.id} data-queued-id={e.id}>
          <strong>{formatTime(e.occurredAt, locale)}</strong> · {t(`enums.ageBand.${e.ageBand ?? 'unknown'}`)} · {visitText(e)}
          {e.isUrgent === true && <> · <strong>{t('encounters.urgent')}</strong></>}{' '}
          <span className={e.isRefused ? 'queued-mark queued-mark--refused' : 'queued-mark'}>{t(e.isRefused ? 'offlineList.refused' : 'offlineList.notSent')}</span>
          {(e.needs?.length ?? 0) > 0 && (
            <div>
              {t('encounters.needs')}: {e.needs?.map((c) => codeLabel('need', c)).join(', ')}
            </div>
          )}
          {(e.support?.length ?? 0) > 0 && (
            <div>
              {t('encounters.support')}: {e.support?.map((c) => codeLabel('support', c)).join(', ')}
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
