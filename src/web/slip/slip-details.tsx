import { useTranslation } from 'react-i18next';
import type { SlipView } from '../../domain/outreach-views';
import { formatDate } from '../../domain/date-format';
import { useLocale } from '../i18n/use-locale';

/** The only two facts a slip carries: the service the person was referred to, and the day. */
export function SlipDetails({ slip }: { slip: SlipView }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  return (
    <dl className="slip-details">
      <div>
        <dt>{t('slip.service')}</dt>
        <dd data-slip-field="service">{slip.serviceName[locale]}</dd>
      </div>
      <div>
        <dt>{t('slip.referredOn')}</dt>
        <dd data-slip-field="date">{formatDate(slip.referredOn, locale)}</dd>
      </div>
    </dl>
  );
}
