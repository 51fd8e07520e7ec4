import { useTranslation } from 'react-i18next';
import type { ObservationView } from '../../domain/structural/observations';
import { AppLink } from '../common/app-link';
import { formatDate } from '../common/date-format';
import { asLocale, phenomenonOf } from './labels';

/** One observation in a list: phenomenon, state, and where its answer stands. */
export function ObservationCard({ observation: o, headingLevel = 3 }: { observation: ObservationView; headingLevel?: 3 | 4 }) {
  const { t, i18n } = useTranslation();
  const locale = asLocale(i18n.language);
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  return (
    <li className="structural-card" data-observation={o.id} data-status={o.status}>
      <Heading>
        <AppLink to={`/structural/${o.id}`}>{phenomenonOf(o, locale)}</AppLink>
      </Heading>
      <p>
        {t(`structural.statuses.${o.status}`)}
        {o.submittedDay && <> · {t('structural.detail.submittedDay')} {formatDate(o.submittedDay, locale)}</>}
      </p>
      {o.answer ? (
        <p className="structural-answer" data-testid="observation-answer">{o.answer.text}</p>
      ) : o.isOverdue ? (
        <p className="structural-overdue" data-testid="observation-overdue">{t('structural.home.overdue', { day: formatDate(o.answerDueDay!, locale) })}</p>
      ) : (
        o.answerDueDay && <p>{t('structural.home.waiting', { day: formatDate(o.answerDueDay, locale) })}</p>
      )}
    </li>
  );
}
