import { useTranslation } from 'react-i18next';
import { Heading, Paragraph } from 'suomifi-ui-components';
import type { OwnProcess } from '../../domain/own/schemas';
import { formatDate, formatDateTime, helsinkiDate } from '../common/date-format';
import { useLocale } from '../i18n/use-locale';

/** `level`: the heading level of the section (2 on the client's page, 3 under a client's name on an external member's). */
type Props = { process: OwnProcess | null; ownWorkerName: string | null; headingId: string; heading: string; level?: 2 | 3 };

/** The process in short sentences: where it is now, who handles it, each step with its date, the time limits. */
export function ProcessView({ process, ownWorkerName, headingId, heading, level = 2 }: Props) {
  const [section, sub] = level === 2 ? (['h2', 'h3'] as const) : (['h3', 'h4'] as const);
  const { t } = useTranslation();
  const { locale } = useLocale();
  return (
    <section className="own-section" aria-labelledby={headingId}>
      <Heading variant={section} id={headingId}>{heading}</Heading>
      {process === null ? (
        <Paragraph>{t('own.process.none')}</Paragraph>
      ) : (
        <>
          <p className="own-now" data-own-state={process.state}>{t('own.process.now', { step: t(`own.state.${process.state}`) })}</p>
          <Paragraph mb="s">{t(`own.stateHelp.${process.state}`)}</Paragraph>
          <Paragraph mb="s">{t('own.process.started', { date: formatDate(helsinkiDate(process.contactAt), locale) })}</Paragraph>
          {process.handlerName && <Paragraph mb="s">{t('own.process.handler', { name: process.handlerName })}</Paragraph>}
          {ownWorkerName && <Paragraph mb="s">{t('own.process.ownWorker', { name: ownWorkerName })}</Paragraph>}
          {process.endedAt && (
            <Paragraph mb="s">
              {t('own.process.ended', { date: formatDate(helsinkiDate(process.endedAt), locale) })}{' '}
              {process.endReason && t(`own.endReason.${process.endReason}`)}
            </Paragraph>
          )}
          <Heading variant={sub} id={`${headingId}-steps`}>{t('own.steps.heading')}</Heading>
          <ol className="own-steps" aria-labelledby={`${headingId}-steps`}>
            {process.steps.map((step) => (
              <li key={`${step.to}-${step.at}`}>
                <time dateTime={step.at}>{formatDateTime(step.at, locale)}</time>: {t(`own.state.${step.to}`)}
              </li>
            ))}
          </ol>
          {process.deadlines.length > 0 && (
            <>
              <Heading variant={sub} id={`${headingId}-deadlines`}>{t('own.deadlines.heading')}</Heading>
              <ul className="own-deadlines" aria-labelledby={`${headingId}-deadlines`}>
                {process.deadlines.map((d) => (
                  <li key={`${d.basis}-${d.step}`}>
                    {t(`own.deadlines.${d.step}`, { date: formatDate(d.dueOn, locale) })} {t(`own.deadlines.basis.${d.basis}`)}{' '}
                    {d.metOn ? t('own.deadlines.met', { date: formatDate(d.metOn, locale) }) : ''}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}
