import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, Paragraph } from 'suomifi-ui-components';
import { helsinkiDay } from '../../domain/calendar';
import type { YearlySummary } from '../../domain/structural/observations';
import { formatDate, formatDateTime } from '../common/date-format';
import { ErrorAlert } from '../common/error-alert';
import { Loading } from '../common/loading';
import { PageHeading } from '../common/page-heading';
import { IndicatorsPanel } from '../indicators/indicators-panel';
import { useMunicipalities } from '../municipalities/api';
import { saveFile } from '../reports/download';
import { useYearlySummary, type YearRef } from './api';
import { asLocale, phenomenonOf } from './labels';
import './structural.css';

/**
 * The municipality's yearly summary for the municipal and regional wellbeing report (seeds/004:516–517):
 * the year's observations by phenomenon, state and quarter, and the observations; prints on A4, exports XLSX.
 */
export function YearlyPage() {
  const { t, i18n } = useTranslation();
  const locale = asLocale(i18n.language);
  const municipalities = useMunicipalities();
  const [municipalityCode, setMunicipalityCode] = useState('');
  const [year, setYear] = useState(String(Number(helsinkiDay(new Date()).slice(0, 4)) - 1));
  const [ref, setRef] = useState<YearRef | null>(null);
  const summary = useYearlySummary(ref);
  const [xlsxError, setXlsxError] = useState<unknown>(null);
  const nameOf = (code: string) => municipalities.data?.find((m) => m.code === code)?.names[locale] ?? code;

  const show = (event: FormEvent) => {
    event.preventDefault();
    if (municipalityCode) setRef({ municipalityCode, year: Number(year) });
  };

  const categoryRows = (s: YearlySummary) => s.byCategory.map((c) => [phenomenonOf({ category: c.category, categoryOther: null }, locale), c.count, c.affectedEstimate]);
  const statusRows = (s: YearlySummary) => s.byStatus.map((r) => [t(`structural.statuses.${r.status}`), r.count]);
  const quarterRows = (s: YearlySummary) =>
    s.byQuarter.map((q) => [t('structural.quarterly.quarterOption', { quarter: q.quarter }), q.count, q.presentedOn ? formatDate(q.presentedOn, locale) : '', q.deliveredAt ? formatDateTime(q.deliveredAt, locale) : '']);
  const columns = ['category', 'description', 'affected', 'estimate', 'proposal', 'submitted', 'status', 'answer'] as const;
  const observationRows = (s: YearlySummary) =>
    s.observations.map((o) => [phenomenonOf(o, locale), o.description, o.affectedGroup, o.affectedEstimate ?? '', o.proposedAction, o.submittedDay ? formatDate(o.submittedDay, locale) : '', t(`structural.statuses.${o.status}`), o.answer?.text ?? '']);

  const download = async (s: YearlySummary) => {
    setXlsxError(null);
    try {
      const { sheetNames, workbook } = await import('../reports/xlsx');
      const title = t('indicators.yearly.heading', { municipality: nameOf(s.municipalityCode), year: s.year });
      const [summaryName, listName] = sheetNames([`${s.year} ${s.municipalityCode}`, t('indicators.yearly.observations')]);
      const summaryRows = [
        [`${t('indicators.yearly.title')}: ${title}`], [],
        [t('indicators.yearly.category'), t('indicators.yearly.count'), t('indicators.yearly.estimate')], ...categoryRows(s), [],
        [t('indicators.yearly.status'), t('indicators.yearly.count')], ...statusRows(s), [],
        [t('indicators.yearly.quarter'), t('indicators.yearly.count'), t('indicators.yearly.presented'), t('indicators.yearly.delivered')], ...quarterRows(s),
      ];
      const listRows = [columns.map((c) => t(`structural.quarterly.columns.${c}`)), ...observationRows(s)];
      saveFile(`silta-structural-${s.municipalityCode}-${s.year}.xlsx`, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', workbook([
        { name: summaryName!, rows: summaryRows, boldRows: [0] },
        { name: listName!, rows: listRows, boldRows: [0] },
      ]));
    } catch (error) {
      setXlsxError(error);
    }
  };

  const table = (id: string, caption: string, head: string[], rows: (string | number)[][]) => (
    <table className="structural-report-table" data-testid={id}>
      <caption>{caption}</caption>
      <thead><tr>{head.map((h) => <th key={h} scope="col">{h}</th>)}</tr></thead>
      <tbody>{rows.map((r, i) => <tr key={i}>{r.map((c, j) => (j === 0 ? <th key={j} scope="row">{c}</th> : <td key={j}>{c}</td>))}</tr>)}</tbody>
    </table>
  );

  return (
    <>
      <PageHeading>{t('indicators.yearly.title')}</PageHeading>
      <form className="structural-form structural-no-print" onSubmit={show} data-testid="year-form">
        <div>
          <label htmlFor="y-municipality">{t('structural.quarterly.municipality')}</label>
          <select id="y-municipality" required value={municipalityCode} onChange={(e) => setMunicipalityCode(e.target.value)}>
            <option value="" />
            {(municipalities.data ?? []).map((m) => <option key={m.code} value={m.code}>{m.names[locale]}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="y-year">{t('structural.quarterly.year')}</label>
          <input id="y-year" type="number" inputMode="numeric" min={2000} max={2100} value={year} onChange={(e) => setYear(e.target.value)} />
        </div>
        <div className="structural-actions"><Button type="submit" data-action="show">{t('structural.quarterly.show')}</Button></div>
      </form>

      {ref && (summary.isPending ? <Loading /> : summary.isError ? <ErrorAlert error={summary.error} /> : (
        <section aria-labelledby="y-heading" data-testid="yearly-summary">
          <Heading variant="h2" id="y-heading" mb="s">{t('indicators.yearly.heading', { municipality: nameOf(summary.data.municipalityCode), year: summary.data.year })}</Heading>
          <Paragraph mb="s">{t('indicators.yearly.intro')}</Paragraph>
          <div className="structural-actions structural-no-print">
            <Button variant="secondary" onClick={() => window.print()} data-action="print">{t('structural.quarterly.print')}</Button>
            <Button variant="secondary" onClick={() => void download(summary.data)} data-action="xlsx">{t('structural.quarterly.export')}</Button>
          </div>
          {xlsxError !== null && <ErrorAlert error={xlsxError} />}
          {summary.data.observations.length === 0 ? <Paragraph>{t('indicators.yearly.none')}</Paragraph> : (
            <>
              {table('yearly-categories', t('indicators.yearly.byCategory'), [t('indicators.yearly.category'), t('indicators.yearly.count'), t('indicators.yearly.estimate')], categoryRows(summary.data))}
              {table('yearly-statuses', t('indicators.yearly.byStatus'), [t('indicators.yearly.status'), t('indicators.yearly.count')], statusRows(summary.data))}
              {table('yearly-quarters', t('indicators.yearly.byQuarter'), [t('indicators.yearly.quarter'), t('indicators.yearly.count'), t('indicators.yearly.presented'), t('indicators.yearly.delivered')], quarterRows(summary.data))}
              {table('yearly-observations', t('indicators.yearly.observations'), columns.map((c) => t(`structural.quarterly.columns.${c}`)), observationRows(summary.data))}
            </>
          )}
          <IndicatorsPanel />
        </section>
      ))}
    </>
  );
}
