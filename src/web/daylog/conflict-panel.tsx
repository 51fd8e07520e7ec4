import { useTranslation } from 'react-i18next';
import { Button, InlineAlert } from 'suomifi-ui-components';
import { formatClock } from '../../domain/date-format';
import type { DaylogView } from '../../domain/outreach-views';
import { useLocale } from '../i18n/use-locale';

/**
 * Someone else saved the day after this form was opened: their numbers are shown beside the user's own
 * (still in the form), and the user chooses which stay. Nothing is overwritten without this choice.
 */
export function ConflictPanel({ theirs, isSaving, onOverwrite, onTakeTheirs }: { theirs: DaylogView | undefined; isSaving: boolean; onOverwrite: () => void; onTakeTheirs: () => void }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const rows: [string, string][] = theirs
    ? [
        [t('daylog.breakfasts'), String(theirs.breakfasts)],
        [t('daylog.lunches'), String(theirs.lunches)],
        [t('daylog.estimatedVisitors'), theirs.estimatedVisitors === null ? '–' : String(theirs.estimatedVisitors)],
        [t('daylog.closedAt'), theirs.isClosed ? t('daylogEntry.closedAllDay') : theirs.closedAt === null ? '–' : formatClock(theirs.closedAt, locale)],
        [t('daylog.events'), theirs.events === '' ? '–' : theirs.events],
      ]
    : [];
  return (
    <div id="daylog-conflict" role="alert" className="daylog-conflict">
      <InlineAlert status="warning" labelText={t('daylogEntry.conflict.title')} mb="m">
        <p>{t('daylogEntry.conflict.intro')}</p>
        {theirs && (
          <dl className="daylog-conflict__theirs" aria-label={t('daylogEntry.conflict.theirs')}>
            {rows.map(([label, value]) => (
              <div key={label}>
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        )}
        <div className="daylog-conflict__actions">
          <Button id="daylog-overwrite" disabled={isSaving} onClick={onOverwrite}>
            {t('daylogEntry.conflict.overwrite')}
          </Button>
          <Button id="daylog-take-theirs" variant="secondary" disabled={isSaving} onClick={onTakeTheirs}>
            {t('daylogEntry.conflict.takeTheirs')}
          </Button>
        </div>
      </InlineAlert>
    </div>
  );
}
