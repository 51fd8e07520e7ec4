import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Checkbox, InlineAlert } from 'suomifi-ui-components';
import type { SessionKind } from '../../domain/outreach';
import { type Report, reportSectionKeys } from '../../domain/report';
import { ErrorAlert } from '../common/error-alert';
import { formatDateRange } from '../common/date-format';
import { isLocale } from '../i18n/locale';
import { ReportSection, type Variant } from './report-section';
import { hasSuppressedCells } from './table-model';
import { saveFile } from './download';
import { allTablesZip, fileName, reasonsIn, tableSheetRows } from './exports';
import { HiddenLegend, legendLines } from './hidden-legend';
import { FreshnessLine } from './freshness-line';

type Props = { reports: Report[]; variants: Variant[]; exact: boolean; onExact: (exact: boolean) => void; title: string };

/** A report's period as the app writes ranges of days (common/date-format). */
export const periodText = (from: string, to: string, locale: string): string => formatDateRange(from, to, isLocale(locale) ? locale : 'fi');

/** The report(s) of the selection: what they cover, how small numbers are shown, the exports, then the sections. */
export function ReportView({ reports, variants, exact, onExact, title }: Props) {
  const { t, i18n } = useTranslation();
  const [xlsxError, setXlsxError] = useState<unknown>(null);
  const first = reports[0]!;
  const isExact = reports.some((r) => !r.isSuppressed);
  const sections = reportSectionKeys.filter((key) => reports.some((r) => r.sections.some((s) => s.key === key)));
  const reasons = reasonsIn(variants.flatMap((v) => v.sections.flatMap((s) => s.tables)));
  const legendOf = (reasonList: typeof reasons) => legendLines(reasonList, first.threshold, t as unknown as Parameters<typeof legendLines>[2]);

  const downloadWorkbook = async () => {
    setXlsxError(null);
    try {
      // Loaded only now: the workbook writer is not needed until someone asks for a workbook.
      const { sheetNames, workbook } = await import('./xlsx');
      const info = reports.map((r, i) => [
        [variants.length > 1 ? `${title} – ${variants[i]!.label}` : title],
        [t('report.period'), periodText(r.query.from, r.query.to, i18n.language)],
        [t('report.sites'), r.sites.map((s) => s.name).join(', ')],
        [r.isSuppressed ? t('report.suppressionNote', { threshold: r.threshold }) : t('report.exactBanner')],
      ]);
      const legend = reasons.length > 0 ? [[], [t('report.legendTitle')], ...legendOf(reasons)] : [];
      const tables = variants.flatMap((v) => v.sections.flatMap((s) => s.tables.map((m) => ({ title: variants.length > 1 ? `${v.id} ${m.title}` : m.title, model: m }))));
      const names = sheetNames([t('report.xlsxInfoSheet'), ...tables.map((x) => x.title)]);
      const sheets = [
        { name: names[0]!, rows: [...info.flat(), ...legend], boldRows: [0] },
        ...tables.map((x, i) => ({ name: names[i + 1]!, ...tableSheetRows(x.model, legendOf(reasonsIn([x.model]))) })),
      ];
      saveFile(fileName('silta-report', first.query.from, first.query.to, 'xlsx'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', workbook(sheets));
    } catch (error) {
      setXlsxError(error);
    }
  };

  const downloadAll = async () => {
    setXlsxError(null);
    try {
      const locale = i18n.language === 'sv' || i18n.language === 'en' ? i18n.language : 'fi';
      const sides = variants.map((v) => ({ id: v.id, from: v.from, to: v.to, models: v.sections.flatMap((s) => s.tables) }));
      const zip = await allTablesZip(sides, locale, (m) => legendOf(reasonsIn([m])));
      saveFile(fileName('silta-report-tables', first.query.from, first.query.to, 'zip'), 'application/zip', zip);
    } catch (error) {
      setXlsxError(error);
    }
  };

  return (
    <div className="report" data-exact={isExact ? 'true' : 'false'}>
      {isExact && (
        <InlineAlert status="warning" labelText={t('report.exactTitle')} className="report-exact-banner" id="report-exact-banner" mb="m">
          {t('report.exactBanner')}
        </InlineAlert>
      )}
      <div className="report-summary">
        {reports.map((r, i) => (
          <div key={variants[i]!.id}>
            {/* The side's label stands outside the list: a <dt> without its <dd> breaks the list (axe). */}
            {variants.length > 1 && <p className="report-summary__variant">{variants[i]!.label}</p>}
            <dl className="report-summary__list">
              <div>
                <dt>{t('report.period')}</dt>
                <dd>{periodText(r.query.from, r.query.to, i18n.language)}</dd>
              </div>
              <div>
                <dt>{t('report.sites')}</dt>
                <dd>{r.sites.length === 0 ? t('report.noSites') : r.sites.map((s) => s.name).join(', ')}</dd>
              </div>
              {r.query.sessionKind && (
                <div>
                  <dt>{t('report.form.sessionKind')}</dt>
                  <dd>{t(`report.sessionKinds.${r.query.sessionKind as SessionKind}`)}</dd>
                </div>
              )}
            </dl>
          </div>
        ))}
        {reports.some((r) => r.isSuppressed) && (
          <p className="report-suppression-note" id="report-suppression-note">
            {t('report.suppressionNote', { threshold: first.threshold })}
            {!reports.some(hasSuppressedCells) && ` ${t('report.nothingHidden')}`}
          </p>
        )}
        <HiddenLegend reasons={reasons} threshold={first.threshold} />
        <FreshnessLine reports={reports} />
      </div>
      <div className="report-toolbar no-print">
        {first.canSeeExact && (
          <Checkbox id="report-exact" checked={exact} onClick={({ checkboxState }) => onExact(checkboxState)} hintText={t('report.exactHint')}>
            {t('report.exactToggle')}
          </Checkbox>
        )}
        <button type="button" id="report-xlsx" className="report-button" onClick={() => void downloadWorkbook()}>
          {t('report.xlsx')}
        </button>
        <button type="button" id="report-zip" className="report-button" onClick={() => void downloadAll()}>
          {t('report.zip')}
        </button>
        <button type="button" id="report-print" className="report-button" onClick={() => window.print()}>
          {t('report.print')}
        </button>
      </div>
      {xlsxError !== null && <ErrorAlert error={xlsxError} />}
      {sections.map((key) => (
        <ReportSection key={key} sectionKey={key} variants={variants} />
      ))}
    </div>
  );
}
