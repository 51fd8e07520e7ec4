import { useTranslation } from 'react-i18next';
import { DivergingBar } from '../charts/diverging-bar';
import { divergingSegments } from '../charts/diverging';
import { BarChart } from './bar-chart';
import { HeatMap } from './heat-map';
import type { TableModel } from './table-model';
import { AttendanceChart, DaylogChart } from './time-charts';
import { windowSentence } from './window-sentence';

/** Which figures of a table the bar chart draws; the first count column when the table is not listed. */
const barColumns: Record<string, string[]> = {
  'professionals.byProfession': ['meetings', 'contacts'],
  'referrals.byServiceAndStatus': ['total'],
  'referrals.realisation': ['rateOfKnown', 'rateOfAll'],
  'ageBands.counts': ['count'],
  'groups.summary': ['mean'],
  'feedback.recommendation': ['mean'],
  'feedback.responses': ['responses'],
};
const fixedTop: Record<string, number> = { 'feedback.recommendation': 10 };

/**
 * Whether the chart draws only one column of a many-column table (a breakdown by profession or age
 * band drawn by its first column): on paper the table alone says more in less room.
 */
export const chartShowsPart = (model: TableModel): boolean =>
  model.columns.length > 3 && !['overview.figures', 'timing.heatmap', 'timing.window', 'daylog.days', 'groups.series', 'feedback.item'].includes(model.base) && !(model.base in barColumns);

export type ReceptionWindow = { fromHour: number; toHour: number; share: number | null };

/** The suggested window from the timing.window table, when its figures are shown. */
export function windowOf(model: TableModel | undefined): ReceptionWindow | null {
  const row = model?.rows[0];
  if (!model || !row) return null;
  const value = (key: string) => row.cells[model.columns.findIndex((c) => c.key === key)]?.value ?? null;
  const fromHour = value('fromHour');
  const toHour = value('toHour');
  return fromHour === null || toHour === null ? null : { fromHour, toHour, share: value('share') };
}

/** The chart above a table, where one helps; the window table gets a sentence instead. */
export function TableChart({ model, windowModel, target }: { model: TableModel; windowModel?: TableModel; target: number }) {
  const { t, i18n } = useTranslation();
  const name = t('report.chartName', { title: model.title });
  switch (model.base) {
    case 'overview.figures':
      return <KeyFigures model={model} />;
    case 'timing.heatmap':
      return <HeatMap model={model} name={name} window={windowOf(windowModel)} />;
    case 'timing.window': {
      const sentence = windowSentence(model, target, t as unknown as Parameters<typeof windowSentence>[2], i18n.language);
      return (
        <p className="report-window" data-window={sentence.window}>
          {sentence.text}
        </p>
      );
    }
    case 'daylog.days':
      return <DaylogChart model={model} name={name} />;
    case 'groups.series':
      return <AttendanceChart model={model} name={name} />;
    case 'feedback.item':
      return <StatementChart model={model} name={name} />;
    default: {
      const wanted = barColumns[model.base] ?? [model.columns.find((c) => c.kind === 'count')?.key ?? model.columns[0]?.key ?? ''];
      return <BarChart model={model} columnKeys={wanted} name={name} top={fixedTop[model.base]} />;
    }
  }
}

/**
 * The overview's figures are of different kinds (sessions, hours, people), so they stand as key
 * figures, not bars. The figures are either one row with a column each, or one row each.
 */
function KeyFigures({ model }: { model: TableModel }) {
  const figures =
    model.rows.length === 1 && model.columns.length > 1
      ? model.columns.map((c, i) => ({ key: c.key, label: c.label, text: model.rows[0]!.cells[i]?.text ?? '' }))
      : model.rows.map((r) => ({ key: r.key, label: r.label, text: r.cells[0]?.text ?? '' }));
  return (
    <ul className="report-figures" aria-hidden="true">
      {figures.map((f) => (
        <li key={f.key} className="report-figures__item">
          <span className="report-figures__value">{f.text}</span>
          <span className="report-figures__label">{f.label}</span>
        </li>
      ))}
    </ul>
  );
}

/** A statement's answers 1–5 (columns s1–s5) as a diverging bar; the share agreeing when some are hidden. */
function StatementChart({ model, name }: { model: TableModel; name: string }) {
  const { t } = useTranslation();
  const row = model.rows[0];
  if (!row) return null;
  const valueOf = (key: string) => {
    const i = model.columns.findIndex((c) => c.key === key);
    return i < 0 ? null : (row.cells[i]?.value ?? null);
  };
  const segments = divergingSegments(['s1', 's2', 's3', 's4', 's5'].map(valueOf));
  if (!segments) {
    // Some answer counts are hidden: the share agreeing (when shown) still makes an honest bar.
    if (valueOf('shareAgreeing') !== null) {
      return (
        <>
          <p className="report-chart__none">{t('report.chartAgreeingOnly')}</p>
          <BarChart model={model} columnKeys={['shareAgreeing']} name={name} />
        </>
      );
    }
    return <p className="report-chart__none">{t('report.chartHidden')}</p>;
  }
  const texts = {
    disagree: t('report.scale.disagree'),
    agree: t('report.scale.agree'),
    values: [t('report.scale.s1'), t('report.scale.s2'), t('report.scale.s3'), t('report.scale.s4'), t('report.scale.s5')],
  };
  return <DivergingBar segments={segments} name={name} texts={texts} />;
}
