import { useTranslation } from 'react-i18next';
import { Button, InlineAlert } from 'suomifi-ui-components';
import type { QuotaAlarm } from '../../domain/feedback';
import { ErrorAlert } from '../common/error-alert';
import { useFeedbackForms, useCloseKiosk, useCloseLink, usePauseKiosk, usePauseLink, useQuotaAlarms } from '../feedback-collect/api';
import { useDescribe } from '../feedback-collect/describe-context';
import { useLocale } from '../i18n/use-locale';
import { formatDay } from '../schedule/dates';

/**
 * Links and kiosks whose daily quota of openings was reached. Visitors are still let in (the quota
 * alarms, it does not lock), so staff decide: often it is a busy day; if not, pause or close.
 * Shows nothing when there is no alarm.
 */
export function QuotaAlarms() {
  const { t } = useTranslation();
  const alarms = useQuotaAlarms();
  if (alarms.isError) return <ErrorAlert error={alarms.error} />;
  if (!alarms.isSuccess || alarms.data.length === 0) return null;
  return (
    <section className="quota-alarms" aria-labelledby="quota-alarms-heading">
      <InlineAlert status="warning" labelText={t('feedbackForms.alarms.title')} mb="m">
        <h2 id="quota-alarms-heading" className="visually-hidden">
          {t('feedbackForms.alarms.title')}
        </h2>
        <p>{t('feedbackForms.alarms.intro')}</p>
        <ul className="quota-alarms__list">
          {alarms.data.map((alarm) => (
            <AlarmEntry key={`${alarm.kind}:${alarm.id}`} alarm={alarm} />
          ))}
        </ul>
      </InlineAlert>
    </section>
  );
}

function AlarmEntry({ alarm }: { alarm: QuotaAlarm }) {
  const { t } = useTranslation();
  const { locale: appLocale } = useLocale();
  const forms = useFeedbackForms();
  const { formName, where } = useDescribe(forms.data ?? [], appLocale);
  const siteId = alarm.context.siteId;
  const pauseLink = usePauseLink(siteId);
  const pauseKiosk = usePauseKiosk(siteId);
  const pause = alarm.kind === 'link' ? pauseLink : pauseKiosk;
  const closeLink = useCloseLink(siteId);
  const closeKiosk = useCloseKiosk(siteId);
  const isPaused = alarm.pausedAt !== null;
  const name = formName(alarm.formId);
  const what = t(`feedbackForms.alarms.${alarm.kind}`, { name, where: `${alarm.context.siteName}, ${where(alarm.context)}`, day: formatDay(alarm.reachedOn, appLocale) });
  const error = pause.error ?? closeLink.error ?? closeKiosk.error;
  return (
    <li className="quota-alarms__entry" data-alarm={alarm.id}>
      <p>
        {what}
        {isPaused && <strong>{` ${t('feedbackForms.alarms.paused')}`}</strong>}
      </p>
      {error !== null && <ErrorAlert error={error} />}
      <div className="collect-actions">
        <Button
          variant="secondary"
          disabled={pause.isPending}
          onClick={() => (alarm.kind === 'link' ? pauseLink.mutate({ linkId: alarm.id, isPaused: !isPaused }) : pauseKiosk.mutate({ kioskId: alarm.id, isPaused: !isPaused }))}
        >
          {isPaused ? t('feedbackForms.alarms.resume') : alarm.kind === 'link' ? t('feedbackForms.alarms.pause') : t('feedbackForms.alarms.pauseKiosk')}
          <span className="visually-hidden">{`: ${what}`}</span>
        </Button>
        <Button
          variant="secondary"
          disabled={closeLink.isPending || closeKiosk.isPending}
          onClick={() => (alarm.kind === 'link' ? closeLink.mutate(alarm.id) : closeKiosk.mutate(alarm.id))}
        >
          {t('feedbackForms.alarms.close')}
          <span className="visually-hidden">{`: ${what}`}</span>
        </Button>
      </div>
    </li>
  );
}
