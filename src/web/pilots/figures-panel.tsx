import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Paragraph } from 'suomifi-ui-components';
import type { PilotDetail } from '../../domain/pilots';
import type { ReportCell } from '../../domain/report';
import { AppLink } from '../common/app-link';
import { Loading } from '../common/loading';
import { today } from '../encounters/encounter-sites';
import { useLocale } from '../i18n/use-locale';
import { usePilotReport } from './api';
import { figureText, pilotFigures, type PilotFigures } from './figures';
import { formatDay } from './format';

/** The pilot's period so far: from its start to its end or today, whichever comes first; null before it starts. */
export function periodSoFar(pilot: { startsOn: string; endsOn: string }, now: string): { from: string; to: string } | null {
  if (now < pilot.startsOn) return null;
  return { from: pilot.startsOn, to: pilot.endsOn < now ? pilot.endsOn : now };
}

/**
 * Live figures from the data (the report narrowed to the pilot), so that "continue, change or stop"
 * rests on numbers: contacts per professional hour, first and repeat visits, referrals and feedback.
 */
export function FiguresPanel({ pilot }: { pilot: PilotDetail }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const period = periodSoFar(pilot, today());
  const report = usePilotReport(pilot.id, period);
  return (
    <section aria-labelledby="pilot-figures-heading" className="pilot-figures" id="pilot-figures">
      <h3 id="pilot-figures-heading" className="pilot-subheading">{t('pilots.figures.heading')}</h3>
      {period === null && <Paragraph className="muted">{t('pilots.figures.notStarted')}</Paragraph>}
      {period !== null && report.isPending && <Loading />}
      {period !== null && report.isError && <Paragraph className="muted">{t('pilots.figures.unavailable')}</Paragraph>}
      {period !== null && report.isSuccess && (
        <>
          <Paragraph className="muted">{t('pilots.figures.intro', { from: formatDay(period.from, locale), to: formatDay(period.to, locale), threshold: report.data.threshold })}</Paragraph>
          <FigureTable rows={figureRows(t, pilotFigures(report.data, locale))} threshold={report.data.threshold} locale={locale} />
          <Paragraph className="muted" id="pilot-figures-visits-note">{t('pilots.figures.visitsNote')}</Paragraph>
        </>
      )}
      {period !== null && (
        <p className="pilot-figures__link">
          <AppLink to={`/reports?pilotId=${encodeURIComponent(pilot.id)}&from=${period.from}&to=${period.to}`}>{t('pilots.figures.fullReport')}</AppLink>
        </p>
      )}
    </section>
  );
}

type Row = { key: string; label: string; cell: ReportCell | null; kind: 'count' | 'mean' | 'percent'; empty?: string };

function figureRows(t: TFunction, f: PilotFigures): Row[] {
  const rows: Row[] = [
    { key: 'contactsPerHour', label: t('pilots.figures.contactsPerHour'), cell: f.contactsPerHour, kind: 'mean' },
    { key: 'professionalHours', label: t('pilots.figures.professionalHours'), cell: f.professionalHours, kind: 'mean' },
    { key: 'meetings', label: t('pilots.figures.meetings'), cell: f.meetings, kind: 'count' },
    { key: 'first', label: t('pilots.figures.first'), cell: f.first, kind: 'count' },
    { key: 'repeat', label: t('pilots.figures.repeat'), cell: f.repeat, kind: 'count' },
    { key: 'visitNotKnown', label: t('pilots.figures.visitNotKnown'), cell: f.visitNotKnown, kind: 'count' },
    { key: 'referrals', label: t('pilots.figures.referrals'), cell: f.referrals, kind: 'count' },
    { key: 'realised', label: t('pilots.figures.realised'), cell: f.realised, kind: 'count' },
  ];
  if (f.feedback.length === 0) rows.push({ key: 'feedback', label: t('pilots.figures.feedbackAny'), cell: null, kind: 'count', empty: t('pilots.figures.noFeedback') });
  for (const form of f.feedback) {
    const name = form.name ?? '';
    rows.push({ key: `feedback-${form.key}`, label: name ? t('pilots.figures.feedback', { form: name }) : t('pilots.figures.feedbackAny'), cell: form.responses, kind: 'count' });
    rows.push({ key: `rate-${form.key}`, label: t('pilots.figures.responseRate', { form: name }), cell: form.responseRate, kind: 'percent' });
  }
  return rows;
}

function FigureTable({ rows, threshold, locale }: { rows: Row[]; threshold: number; locale: 'fi' | 'sv' | 'en' }) {
  const { t } = useTranslation();
  return (
    <table className="pilot-figures__table" id="pilot-figures-table">
      <caption className="visually-hidden">{t('pilots.figures.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('pilots.figures.figure')}</th>
          <th scope="col">{t('pilots.figures.value')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} data-figure={row.key}>
            <th scope="row">{row.label}</th>
            <td>{row.empty ?? figureText(row.cell, threshold, locale, row.kind)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
