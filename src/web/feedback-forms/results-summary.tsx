import { useTranslation } from 'react-i18next';
import { Heading } from 'suomifi-ui-components';
import { feedbackChannels, type FeedbackResults } from '../../domain/feedback';
import { useLocale } from '../i18n/use-locale';
import { formatNumber, formatPercent } from './results-format';

/** Responses, by channel, people met and the response rate, saying what it divides by — or why there is no rate. */
export function ResultsSummary({ results }: { results: FeedbackResults }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const n = (value: number) => formatNumber(value, locale);
  const met = results.peopleMet;
  const rate = met === null
    ? t('feedbackForms.results.noRateStaff')
    : results.responseRate === null
      ? t('feedbackForms.results.noRateNobodyMet')
      : `${formatPercent(results.responseRate, locale)} (${t(`feedbackForms.results.rateOf.${met.basis}`, { responses: n(results.responses), people: n(met.count) })})`;
  return (
    <section className="results-summary" aria-labelledby="results-summary-heading">
      <Heading variant="h2" id="results-summary-heading" mb="s">{t('feedbackForms.results.summary')}</Heading>
      <dl className="results-figures">
        <div>
          <dt>{t('feedbackForms.results.responses')}</dt>
          <dd id="results-responses">{n(results.responses)}</dd>
        </div>
        {feedbackChannels.map((channel) => (
          <div key={channel}>
            <dt>{t(`feedbackForms.channels.${channel}`)}</dt>
            <dd id={`results-channel-${channel}`}>{n(results.byChannel[channel])}</dd>
          </div>
        ))}
        {met !== null && (
          <div>
            <dt>{t(`feedbackForms.results.peopleMet.${met.basis}`)}</dt>
            <dd id="results-people-met">
              {n(met.count)}
              {met.siteCount !== null && <span className="results-figures__note"> {t('feedbackForms.results.formSites', { count: met.siteCount })}</span>}
            </dd>
          </div>
        )}
        <div>
          <dt>{t('feedbackForms.results.responseRate')}</dt>
          <dd id="results-rate" className={results.responseRate === null ? 'results-figures__reason' : undefined}>{rate}</dd>
        </div>
      </dl>
    </section>
  );
}
