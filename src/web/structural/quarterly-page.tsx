import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, Paragraph } from 'suomifi-ui-components';
import { helsinkiDay } from '../../domain/calendar';
import type { QuarterlyReport } from '../../domain/structural/observations';
import { quarterOf } from '../../domain/structural/quarter';
import { may } from '../auth/abilities';
import { useAbilities } from '../auth/use-abilities';
import { formatDate, formatDateTime } from '../common/date-format';
import { ErrorAlert } from '../common/error-alert';
import { Loading } from '../common/loading';
import { PageHeading } from '../common/page-heading';
import { useMunicipalities } from '../municipalities/api';
import { saveFile } from '../reports/download';
import { useCompileQuarter, useDeliverQuarter, usePresentQuarter, useQuarterlyReport, type QuarterRef } from './api';
import { AppLink } from '../common/app-link';
import { asLocale, phenomenonOf } from './labels';
import './structural.css';

/** The previous quarter: the one a coordinator compiles at the start of a new one. */
function previousQuarter(today: string): { year: number; quarter: number } {
  const q = quarterOf(today);
  return q.quarter === 1 ? { year: q.year - 1, quarter: 4 } : { year: q.year, quarter: q.quarter - 1 };
}

/** The municipality's quarterly report (seeds/004:515): exactly the quarter's submitted observations; prints on A4, exports XLSX. */
export function QuarterlyPage() {
  const { t, i18n } = useTranslation();
  const locale = asLocale(i18n.language);
  const abilities = useAbilities();
  const municipalities = useMunicipalities();
  const initial = previousQuarter(helsinkiDay(new Date()));
  const [municipalityCode, setMunicipalityCode] = useState('');
  const [year, setYear] = useState(String(initial.year));
  const [quarter, setQuarter] = useState(String(initial.quarter));
  const [ref, setRef] = useState<QuarterRef | null>(null);
  const report = useQuarterlyReport(ref);
  const compile = useCompileQuarter();
  const present = usePresentQuarter();
  const deliver = useDeliverQuarter();
  const [xlsxError, setXlsxError] = useState<unknown>(null);
  const nameOf = (code: string) => municipalities.data?.find((m) => m.code === code)?.names[locale] ?? code;

  const show = (event: FormEvent) => {
    event.preventDefault();
    if (municipalityCode) setRef({ municipalityCode, year: Number(year), quarter: Number(quarter) });
  };

  const columns = ['category', 'description', 'affected', 'estimate', 'proposal', 'level', 'submitted', 'status', 'answer'] as const;
  const rowOf = (o: QuarterlyReport['observations'][number]) => [
    phenomenonOf(o, locale),
    o.description,
    o.affectedGroup,
    o.affectedEstimate ?? '',
    o.proposedAction,
    t(`structural.levels.${o.addresseeLevel}`),
    o.submittedDay ? formatDate(o.submittedDay, locale) : '',
    t(`structural.statuses.${o.status}`),
    o.answer?.text ?? '',
  ];

  const download = async (r: QuarterlyReport) => {
    setXlsxError(null);
    try {
      // The report page's own workbook writer, loaded only when a workbook is asked for.
      const { sheetNames, workbook } = await import('../reports/xlsx');
      const title = t('structural.quarterly.heading', { municipality: nameOf(r.municipalityCode), quarter: r.quarter, year: r.year });
      const [name] = sheetNames([`${r.year} Q${r.quarter} ${r.municipalityCode}`]);
      const rows = [[title], [t('structural.quarterly.period', { first: formatDate(r.first, locale), last: formatDate(r.last, locale) })], [], columns.map((c) => t(`structural.quarterly.columns.${c}`)), ...r.observations.map(rowOf)];
      saveFile(`silta-structural-${r.municipalityCode}-${r.year}-Q${r.quarter}.xlsx`, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', workbook([{ name: name!, rows, boldRows: [0, 3] }]));
    } catch (error) {
      setXlsxError(error);
    }
  };

  return (
    <>
      <PageHeading>{t('structural.quarterly.title')}</PageHeading>
      <p className="structural-no-print"><AppLink to="/structural/yearly">{t('indicators.yearly.link')}</AppLink></p>
      <form className="structural-form structural-no-print" onSubmit={show} data-testid="quarter-form">
        <div>
          <label htmlFor="q-municipality">{t('structural.quarterly.municipality')}</label>
          <select id="q-municipality" required value={municipalityCode} onChange={(e) => setMunicipalityCode(e.target.value)}>
            <option value="" />
            {(municipalities.data ?? []).map((m) => <option key={m.code} value={m.code}>{m.names[locale]}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="q-year">{t('structural.quarterly.year')}</label>
          <input id="q-year" type="number" inputMode="numeric" min={2000} max={2100} value={year} onChange={(e) => setYear(e.target.value)} />
        </div>
        <div>
          <label htmlFor="q-quarter">{t('structural.quarterly.quarter')}</label>
          <select id="q-quarter" value={quarter} onChange={(e) => setQuarter(e.target.value)}>
            {[1, 2, 3, 4].map((q) => <option key={q} value={q}>{t('structural.quarterly.quarterOption', { quarter: q })}</option>)}
          </select>
        </div>
        <div className="structural-actions"><Button type="submit" data-action="show">{t('structural.quarterly.show')}</Button></div>
      </form>

      {ref && (report.isPending ? <Loading /> : report.isError ? <ErrorAlert error={report.error} /> : (
        <section aria-labelledby="q-heading" data-testid="quarterly-report">
          <Heading variant="h2" id="q-heading" mb="s">
            {t('structural.quarterly.heading', { municipality: nameOf(report.data.municipalityCode), quarter: report.data.quarter, year: report.data.year })}
          </Heading>
          <Paragraph>{t('structural.quarterly.period', { first: formatDate(report.data.first, locale), last: formatDate(report.data.last, locale) })}</Paragraph>
          <Paragraph>
            {report.data.compiledAt ? t('structural.quarterly.compiled', { at: formatDateTime(report.data.compiledAt, locale) }) : t('structural.quarterly.notCompiled')}
            {report.data.presentedOn && <> · {t('structural.quarterly.presentedOn', { day: formatDate(report.data.presentedOn, locale) })}</>}
          </Paragraph>
          <Paragraph mb="s">{t('structural.quarterly.count', { count: report.data.observations.length })}</Paragraph>
          <div className="structural-actions structural-no-print">
            {may(abilities, 'structural_report.compile') && report.data.deliveredAt === null && (
              <Button onClick={() => compile.mutate(ref)} disabled={compile.isPending} data-action="compile">{t('structural.quarterly.compile')}</Button>
            )}
            {may(abilities, 'structural_report.compile') && report.data.compiledAt !== null && report.data.presentedOn === null && (
              <Button variant="secondary" onClick={() => present.mutate({ ...ref, presentedOn: helsinkiDay(new Date()) })} disabled={present.isPending} data-action="present">
                {t('structural.quarterly.markPresented')}
              </Button>
            )}
            {may(abilities, 'structural_report.compile') && report.data.compiledAt !== null && report.data.deliveredAt === null && (
              <Button variant="secondary" onClick={() => deliver.mutate(ref)} disabled={deliver.isPending} data-action="deliver">{t('indicators.deliver.action')}</Button>
            )}
            <Button variant="secondary" onClick={() => window.print()} data-action="print">{t('structural.quarterly.print')}</Button>
            <Button variant="secondary" onClick={() => void download(report.data)} data-action="xlsx">{t('structural.quarterly.export')}</Button>
          </div>
          {report.data.deliveredAt !== null && <Paragraph mb="s">{t('indicators.deliver.delivered', { at: formatDateTime(report.data.deliveredAt, locale) })}</Paragraph>}
          {deliver.isError && <ErrorAlert error={deliver.error} />}
          {compile.isError && <ErrorAlert error={compile.error} />}
          {present.isError && <ErrorAlert error={present.error} />}
          {xlsxError !== null && <ErrorAlert error={xlsxError} />}
          {report.data.observations.length === 0 ? <Paragraph>{t('structural.quarterly.none')}</Paragraph> : (
            <table className="structural-report-table">
              <caption className="visually-hidden">{t('structural.quarterly.title')}</caption>
              <thead><tr>{columns.map((c) => <th key={c} scope="col">{t(`structural.quarterly.columns.${c}`)}</th>)}</tr></thead>
              <tbody>
                {report.data.observations.map((o) => (
                  <tr key={o.id} data-observation={o.id}>{rowOf(o).map((cell, i) => <td key={i}>{cell}</td>)}</tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ))}
    </>
  );
}
