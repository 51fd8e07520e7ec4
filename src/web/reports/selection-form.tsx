import { type FormEvent, useState } from 'react';
import { DateField } from '../common/date-field';
import { useTranslation } from 'react-i18next';
import { Button, Checkbox } from 'suomifi-ui-components';
import { sessionKinds } from '../../domain/outreach';
import { parseDisplayDate, toDisplayDate } from '../audit/audit-filters';
import { FormErrorSummary } from '../common/form-error-summary';
import type { PilotOption } from './api';
import { type CompareMode, type Period, quickPeriod, quickPeriods, type Selection } from './selection';

type Props = {
  initial: Selection;
  today: string;
  siteIds: string[];
  siteName: (id: string) => string;
  pilots: PilotOption[];
  onApply: (selection: Selection) => void;
};

const shares = [50, 60, 70, 75, 80, 85, 90, 95, 100];

/** Site checkboxes; none ticked means every site the reader may see. */
function SiteChoice({ id, legend, siteIds, siteName, chosen, onChange }: { id: string; legend: string; siteIds: string[]; siteName: (id: string) => string; chosen: string[]; onChange: (ids: string[]) => void }) {
  const { t } = useTranslation();
  return (
    <fieldset className="report-form__sites" id={id}>
      <legend className="encounter-form__label">{legend}</legend>
      <p className="muted report-form__hint">{t('report.form.sitesHint')}</p>
      <div className="report-form__site-list">
        {siteIds.map((siteId) => (
          <Checkbox
            key={siteId}
            id={`${id}-${siteId}`}
            checked={chosen.includes(siteId)}
            onClick={({ checkboxState }) => onChange(checkboxState ? [...chosen, siteId] : chosen.filter((s) => s !== siteId))}
          >
            {siteName(siteId)}
          </Checkbox>
        ))}
      </div>
    </fieldset>
  );
}

export function SelectionForm({ initial, today, siteIds, siteName, pilots, onApply }: Props) {
  const { t } = useTranslation();
  const [values, setValues] = useState(initial);
  const [texts, setTexts] = useState({ from: toDisplayDate(initial.period.from), to: toDisplayDate(initial.period.to), from2: toDisplayDate(initial.period2.from), to2: toDisplayDate(initial.period2.to) });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [attempt, setAttempt] = useState(0);
  const set = <K extends keyof Selection>(key: K, value: Selection[K]) => setValues((v) => ({ ...v, [key]: value }));
  const setPeriod = (p: Period) => setTexts((x) => ({ ...x, from: toDisplayDate(p.from), to: toDisplayDate(p.to) }));

  const period = (fromKey: 'from' | 'from2', toKey: 'to' | 'to2', found: Record<string, string>): Period | null => {
    const from = parseDisplayDate(texts[fromKey]);
    const to = parseDisplayDate(texts[toKey]);
    if (from === null) found[`report-${fromKey}`] = t('report.form.dateInvalid');
    if (to === null) found[`report-${toKey}`] = t('report.form.dateInvalid');
    if (from !== null && to !== null && to < from) found[`report-${toKey}`] = t('report.form.toBeforeFrom');
    return from !== null && to !== null && from <= to ? { from, to } : null;
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    const first = period('from', 'to', found);
    const second = values.compare === 'period' ? period('from2', 'to2', found) : values.period2;
    if (values.compare === 'sites' && values.siteIds2.length === 0) found['report-sites2'] = t('report.form.sites2Missing');
    setErrors(found);
    setAttempt((a) => a + 1);
    if (!first || !second || Object.keys(found).length > 0) return;
    onApply({ ...values, period: first, period2: second });
  };

  const dateProps = { hintText: t('report.form.dateHint') };
  const dateInput = (key: 'from' | 'to' | 'from2' | 'to2') => (
    <DateField
      id={`report-${key}`}
      labelText={t(`report.form.${key}`)}
      value={texts[key]}
      onChange={(value) => setTexts((x) => ({ ...x, [key]: value }))}
      status={errors[`report-${key}`] ? 'error' : 'default'}
      statusText={errors[`report-${key}`]}
      {...dateProps}
    />
  );

  return (
    <form onSubmit={submit} noValidate className="report-form no-print" aria-labelledby="report-form-heading">
      <h2 id="report-form-heading" className="report-form__heading">{t('report.form.heading')}</h2>
      <FormErrorSummary errors={errors} attempt={attempt} />
      {siteIds.length > 1 && <SiteChoice id="report-sites" legend={t('report.form.sites')} siteIds={siteIds} siteName={siteName} chosen={values.siteIds} onChange={(ids) => set('siteIds', ids)} />}
      <fieldset className="report-form__period">
        <legend className="encounter-form__label">{t('report.form.period')}</legend>
        <div className="report-form__quick">
          {quickPeriods.map((q) => (
            <button key={q} type="button" className="report-button" id={`report-quick-${q}`} onClick={() => setPeriod(quickPeriod(q, today))}>
              {t(`report.form.quick.${q}`)}
            </button>
          ))}
        </div>
        <div className="report-form__dates">
          {dateInput('from')}
          {dateInput('to')}
        </div>
      </fieldset>
      <div className="report-form__row">
        <div className="encounter-form__field">
          <label className="encounter-form__label" htmlFor="report-session-kind">{t('report.form.sessionKind')}</label>
          <select id="report-session-kind" className="encounter-form__select" value={values.sessionKind} onChange={(e) => set('sessionKind', e.target.value as Selection['sessionKind'])}>
            <option value="">{t('report.form.allKinds')}</option>
            {sessionKinds.map((k) => <option key={k} value={k}>{t(`report.sessionKinds.${k}`)}</option>)}
          </select>
        </div>
        {pilots.length > 0 && (
          <div className="encounter-form__field">
            <label className="encounter-form__label" htmlFor="report-pilot">{t('report.form.pilot')}</label>
            <select id="report-pilot" className="encounter-form__select" value={values.pilotId} onChange={(e) => set('pilotId', e.target.value)}>
              <option value="">{t('report.form.noPilot')}</option>
              {pilots.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
            </select>
          </div>
        )}
        <div className="encounter-form__field">
          <label className="encounter-form__label" htmlFor="report-window-share">{t('report.form.windowShare')}</label>
          <select id="report-window-share" className="encounter-form__select" aria-describedby="report-window-share-hint" value={values.windowShare} onChange={(e) => set('windowShare', Number(e.target.value))}>
            {[...new Set([...shares, values.windowShare])].sort((a, b) => a - b).map((s) => <option key={s} value={s}>{`${s} %`}</option>)}
          </select>
          <p className="muted report-form__hint" id="report-window-share-hint">{t('report.form.windowShareHint')}</p>
        </div>
      </div>
      <fieldset className="report-form__compare">
        <legend className="encounter-form__label">{t('report.form.compare')}</legend>
        <div className="report-form__radios">
          {(siteIds.length > 1 ? (['none', 'period', 'sites'] as CompareMode[]) : (['none', 'period'] as CompareMode[])).map((mode) => (
            <label key={mode} className="report-radio">
              <input type="radio" name="report-compare" id={`report-compare-${mode}`} value={mode} checked={values.compare === mode} onChange={() => set('compare', mode)} />
              {t(`report.form.compareModes.${mode}`)}
            </label>
          ))}
        </div>
        {values.compare === 'period' && (
          <div className="report-form__dates">
            {dateInput('from2')}
            {dateInput('to2')}
          </div>
        )}
        {values.compare === 'sites' && (
          <>
            <SiteChoice id="report-sites2" legend={t('report.form.sites2')} siteIds={siteIds} siteName={siteName} chosen={values.siteIds2} onChange={(ids) => set('siteIds2', ids)} />
            {errors['report-sites2'] && <p className="field-error">{errors['report-sites2']}</p>}
          </>
        )}
      </fieldset>
      <div className="filter-form__actions">
        <Button type="submit" id="report-apply">{t('report.form.apply')}</Button>
      </div>
    </form>
  );
}
