import { useTranslation } from 'react-i18next';
import type { ReportSectionKey } from '../../domain/report';
import { DownloadButton } from './download';
import { fileName, reasonsIn, tableCsv } from './exports';
import { legendLines } from './hidden-legend';
import { ComparisonTable, fitsSideBySide } from './comparison-table';
import { ReportTable } from './report-table';
import { chartShowsPart, TableChart } from './table-chart';
import type { TableModel } from './table-model';
import { type SectionModel, useLooseT } from './use-models';
import { textBody, textHeading } from './text-heading';
import { isLocale } from '../i18n/locale';

/** One report (or one side of a comparison): its label, its models and its period for file names. */
export type Variant = { id: string; label: string; sections: SectionModel[]; from: string; to: string; windowShare: number };

const tableOf = (variant: Variant, section: ReportSectionKey, key: string): TableModel | undefined =>
  variant.sections.find((s) => s.key === section)?.tables.find((t) => t.key === key);

/** A table's chart, its table (unless a comparison table shows it with the other side's) and its CSV file. */
function TablePanel({ model, variant, section, showLabel, withTable }: { model: TableModel; variant: Variant; section: ReportSectionKey; showLabel: boolean; withTable: boolean }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'sv' || i18n.language === 'en' ? i18n.language : 'fi';
  const caption = showLabel ? `${model.title} – ${variant.label}` : model.title;
  return (
    <div className="report-panel" data-variant={variant.id}>
      {showLabel && <p className="report-panel__label">{variant.label}</p>}
      <div className={`report-panel__chart${chartShowsPart(model) ? ' no-print' : ''}`}>
        <TableChart model={model} windowModel={section === 'timing' ? tableOf(variant, 'timing', 'timing.window') : undefined} target={variant.windowShare} />
      </div>
      {withTable && <ReportTable model={model} caption={caption} />}
      <DownloadButton
        className="report-csv"
        label={t('report.csv')}
        accessibleLabel={t('report.csvOf', { title: caption })}
        fileName={fileName(model.key, variant.from, variant.to, 'csv')}
        type="text/csv;charset=utf-8"
        make={() => tableCsv(model, locale, legendLines(reasonsIn([model]), model.threshold, t as unknown as Parameters<typeof legendLines>[2]))}
      />
    </div>
  );
}

/**
 * How a block is laid out on paper: a narrow table (a figure or two per row) sits beside its chart,
 * which halves the block's height; a wider one goes under its chart.
 */
export const blockShape = (model: TableModel): 'narrow' | 'wide' => (model.columns.length <= 3 && model.base !== 'daylog.days' ? 'narrow' : 'wide');

/** A section: its heading, then each table with its chart, side by side with the other variant's when comparing. */
export function ReportSection({ sectionKey, variants }: { sectionKey: ReportSectionKey; variants: Variant[] }) {
  const { t } = useTranslation();
  const headingId = `report-section-${sectionKey}`;
  const keys = [...new Set(variants.flatMap((v) => v.sections.find((s) => s.key === sectionKey)?.tables.map((m) => m.key) ?? []))];
  const compare = variants.length > 1;
  return (
    <section className="report-section" aria-labelledby={headingId} data-section={sectionKey}>
      <h2 id={headingId} className="report-section__heading">{t(`report.sections.${sectionKey}`)}</h2>
      <Abbreviations models={variants.flatMap((v) => v.sections.find((s) => s.key === sectionKey)?.tables ?? [])} />
      {keys.map((key) => {
        const models = variants.map((v) => ({ variant: v, model: tableOf(v, sectionKey, key) }));
        const first = models.find((m) => m.model)!.model!;
        const wide = first.columns.length > 8 || first.base === 'daylog.days';
        // Compared sides share one table, a column group each, when the figures fit; a wider grid is
        // split into a table per side, each with its own row labels, rather than cut.
        const inColumns = compare && fitsSideBySide(first, variants.length);
        return (
          <div key={key} className={`report-block report-block--${blockShape(first)}${first.base === 'feedback.item' && !compare ? ' report-block--statement' : ''}`} data-table-block={key}>
            <h3 className="report-block__heading">{first.title}</h3>
            <div className={compare ? `report-compare${wide ? ' report-compare--stacked' : ''}${inColumns ? ' report-compare--charts' : ''}` : 'report-single'}>
              {models.map(({ variant, model }) =>
                model ? (
                  <TablePanel key={variant.id} model={model} variant={variant} section={sectionKey} showLabel={compare} withTable={!inColumns} />
                ) : (
                  <p key={variant.id} className="report-panel muted">{t('report.tableMissing', { label: variant.label })}</p>
                ),
              )}
            </div>
            {inColumns && <ComparisonTable title={first.title} sides={models.map(({ variant, model }) => ({ id: variant.id, label: variant.label, model }))} />}
          </div>
        );
      })}
      <SectionTexts sectionKey={sectionKey} variants={variants} />
    </section>
  );
}

/** The abbreviated column headings of the section's tables, once, for paper (the screen shows them in full). */
function Abbreviations({ models }: { models: TableModel[] }) {
  const { t } = useTranslation();
  const seen = new Map<string, string>();
  for (const c of models.flatMap((m) => m.columns)) if (c.short && !seen.has(c.short)) seen.set(c.short, c.label);
  if (seen.size === 0) return null;
  // "1 täysin eri mieltä" already starts with its abbreviation "1"; "ka" needs "ka = keskiarvo".
  const items = [...seen].map(([short, label]) => (label.startsWith(`${short} `) ? label : `${short} = ${label}`));
  return (
    <p className="report-abbreviations">
      {t('report.abbreviations')}: {items.join(' · ')}
    </p>
  );
}

/** Free texts (the pilot's phase notes, the evaluator's conclusions), grouped under their headings. */
function SectionTexts({ sectionKey, variants }: { sectionKey: ReportSectionKey; variants: Variant[] }) {
  const { t, exists } = useLooseT();
  const { i18n } = useTranslation();
  const locale = isLocale(i18n.language) ? i18n.language : 'fi';
  return (
    <>
      {variants.map((v) => {
        const texts = v.sections.find((s) => s.key === sectionKey)?.texts ?? [];
        if (texts.length === 0) return null;
        const groups = [...new Set(texts.map((x) => x.key))];
        return (
          <div key={v.id} className="report-texts">
            {variants.length > 1 && <p className="report-panel__label">{v.label}</p>}
            {groups.map((g) => {
              const own = texts.filter((x) => x.key === g);
              return (
                <div key={g} className="report-texts__group" data-text-key={g}>
                  <h3 className="report-block__heading">{textHeading(own[0]!, locale, t, exists)}</h3>
                  {own.map((x, i) => (
                    <p key={i} className="report-texts__text">{textBody(x, t, exists)}</p>
                  ))}
                </div>
              );
            })}
          </div>
        );
      })}
    </>
  );
}
