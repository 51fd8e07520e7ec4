import { formatFigure } from './format';
import type { TableModel } from './table-model';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/**
 * The sentence under the timing section, from the `timing.window` table beside it: the share the
 * window really covers, written exactly as that table writes it (never the target share in its
 * place). When the share is hidden (it rests on hidden hour totals), the sentence says so.
 */
export function windowSentence(model: TableModel | undefined, target: number, t: Translate, locale: string): { text: string; window: string } {
  const row = model?.rows[0];
  const at = (key: string) => (model && row ? row.cells[model.columns.findIndex((c) => c.key === key)] : undefined);
  const fromHour = at('fromHour')?.value ?? null;
  const toHour = at('toHour')?.value ?? null;
  if (fromHour === null || toHour === null) return { text: t('report.window.none'), window: 'none' };
  const share = at('share');
  const values = { from: fromHour, to: toHour, target: formatFigure(target, 'percent', locale) };
  const text = share?.state === 'value' ? t('report.window.sentence', { ...values, share: share.text }) : t('report.window.sentenceHidden', values);
  return { text, window: `${fromHour}-${toHour}` };
}
