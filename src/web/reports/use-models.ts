import { useTranslation } from 'react-i18next';
import type { Report, ReportSectionKey } from '../../domain/report';
import { isLocale } from '../i18n/locale';
import { type Labels, tableModel, type TableModel } from './table-model';

export type SectionModel = { key: ReportSectionKey; tables: TableModel[]; texts: { key: string; text: string }[] };

type LooseT = (key: string, options?: Record<string, unknown>) => string;

/**
 * Translation by a key built at run time (a table, column or code key from the report): the typed
 * `t` only takes keys known at compile time, and these are looked up with `exists` first anyway.
 */
export function useLooseT(): { t: LooseT; exists: (key: string) => boolean } {
  const { t, i18n } = useTranslation();
  return { t: t as unknown as LooseT, exists: (key) => i18n.exists(key) };
}

/** Labels for the table model from i18next: null for a key the translations do not have. */
export function useLabels(): Labels {
  const { i18n } = useTranslation();
  const { t, exists } = useLooseT();
  return {
    locale: isLocale(i18n.language) ? i18n.language : 'fi',
    translate: (key, options) => (exists(key) ? t(key, options) : null),
  };
}

export function reportModels(report: Report, labels: Labels): SectionModel[] {
  return report.sections.map((s) => ({ key: s.key, tables: s.tables.map((table) => tableModel(table, report, report.threshold, labels)), texts: s.texts }));
}
