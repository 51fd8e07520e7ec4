import { type FormEvent, useState } from 'react';
import { DateField } from '../common/date-field';
import { useTranslation } from 'react-i18next';
import { Button } from 'suomifi-ui-components';
import { parseDisplayDate, toDisplayDate } from '../audit/audit-filters';
import { useGroupSeries } from './api';

/** The results filters as the URL keeps them: ids and yyyy-mm-dd days, '' for "any". */
export type ResultsFilters = { siteId: string; groupSeriesId: string; from: string; to: string };

export const filtersFromSearch = (search: URLSearchParams): ResultsFilters => ({
  siteId: search.get('siteId') ?? '',
  groupSeriesId: search.get('groupSeriesId') ?? '',
  from: search.get('from') ?? '',
  to: search.get('to') ?? '',
});

export const filtersToSearch = (f: ResultsFilters): Record<string, string> =>
  Object.fromEntries(Object.entries(f).filter(([, value]) => value !== ''));

type Props = {
  initial: ResultsFilters;
  siteIds: string[];
  siteName: (siteId: string) => string;
  /** Coordinators may look at the whole region; others read their own sites only. */
  allowsAllSites: boolean;
  onApply: (filters: ResultsFilters) => void;
};

export function ResultsFilterForm({ initial, siteIds, siteName, allowsAllSites, onApply }: Props) {
  const { t } = useTranslation();
  const [siteId, setSiteId] = useState(initial.siteId);
  const [groupSeriesId, setGroupSeriesId] = useState(initial.groupSeriesId);
  const [fromText, setFromText] = useState(toDisplayDate(initial.from));
  const [toText, setToText] = useState(toDisplayDate(initial.to));
  const [errors, setErrors] = useState<{ from?: string; to?: string }>({});
  const series = useGroupSeries(siteId);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const from = fromText.trim() === '' ? '' : parseDisplayDate(fromText);
    const to = toText.trim() === '' ? '' : parseDisplayDate(toText);
    const found: { from?: string; to?: string } = {};
    if (from === null) found.from = t('feedbackForms.results.dateInvalid');
    if (to === null) found.to = t('feedbackForms.results.dateInvalid');
    if (from && to && to < from) found.to = t('feedbackForms.results.toBeforeFrom');
    setErrors(found);
    if (from === null || to === null || found.to) return;
    onApply({ siteId, groupSeriesId: siteId === '' ? '' : groupSeriesId, from, to });
  };
  const dateProps = { hintText: t('feedbackForms.results.dateHint') };

  return (
    <form onSubmit={submit} noValidate className="filter-form results-filters" aria-labelledby="results-filters-heading">
      <h2 id="results-filters-heading" className="visually-hidden">{t('feedbackForms.results.filters')}</h2>
      <div className="encounter-form__field">
        <label className="encounter-form__label" htmlFor="results-site">{t('feedbackForms.results.site')}</label>
        <select id="results-site" className="encounter-form__select" value={siteId} onChange={(e) => { setSiteId(e.target.value); setGroupSeriesId(''); }}>
          {allowsAllSites && <option value="">{t('feedbackForms.results.allSites')}</option>}
          {siteIds.map((id) => <option key={id} value={id}>{siteName(id)}</option>)}
        </select>
      </div>
      <div className="encounter-form__field">
        <label className="encounter-form__label" htmlFor="results-series">{t('feedbackForms.results.group')}</label>
        <select id="results-series" className="encounter-form__select" value={groupSeriesId} disabled={siteId === ''} aria-describedby={siteId === '' ? 'results-series-hint' : undefined} onChange={(e) => setGroupSeriesId(e.target.value)}>
          <option value="">{t('feedbackForms.results.anyGroup')}</option>
          {(series.data ?? []).map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
        </select>
        {siteId === '' && <p className="muted" id="results-series-hint">{t('feedbackForms.results.groupNeedsSite')}</p>}
      </div>
      <DateField id="results-from" labelText={t('feedbackForms.results.from')} value={fromText} onChange={(value) => setFromText(value)} status={errors.from ? 'error' : 'default'} statusText={errors.from} {...dateProps} />
      <DateField id="results-to" labelText={t('feedbackForms.results.to')} value={toText} onChange={(value) => setToText(value)} status={errors.to ? 'error' : 'default'} statusText={errors.to} {...dateProps} />
      <div className="filter-form__actions">
        <Button type="submit" id="results-apply">{t('feedbackForms.results.apply')}</Button>
      </div>
    </form>
  );
}
