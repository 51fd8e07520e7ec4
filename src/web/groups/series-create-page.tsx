import { type FormEvent, useState } from 'react';
import { DateField } from '../common/date-field';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { Paragraph, TextInput, Textarea, TimeInput } from 'suomifi-ui-components';
import type { SiteView } from '../../domain/api-types';
import { useAbilities } from '../auth/use-abilities';
import { useSites } from '../api/org';
import { AppLink } from '../common/app-link';
import { ErrorAlert } from '../common/error-alert';
import { FormErrorSummary } from '../common/form-error-summary';
import { FormSubmit } from '../common/form-submit';
import { weekdayLabel } from '../common/labels';
import { Loading } from '../common/loading';
import { PageHeading } from '../common/page-heading';
import { SiteSelect } from '../common/site-select';
import { today } from '../encounters/encounter-sites';
import { useLocale } from '../i18n/use-locale';
import { SelectField } from '../common/select-field';
import { completeTime } from '../sites/time';
import { canManageAt, groupSites } from './access';
import { useCreateSeries } from './api';
import { DetailFields } from './detail-fields';
import { sessionDay } from './format';
import { problemTexts } from './problem-text';
import { checkSeries, emptySeries, limits, seriesFields, type Problems, type SeriesValues } from './series-form-values';
import './groups.css';

/** What the series page shows after the series was made. */
export type CreatedNotice = { created: number };

export function SeriesCreatePage() {
  const { t } = useTranslation();
  const abilities = useAbilities();
  const sites = useSites();
  const [search] = useSearchParams();
  const manageable = groupSites(abilities, sites.data).filter((s) => canManageAt(abilities, s.id));
  const initialSite = manageable.find((s) => s.id === search.get('site'))?.id ?? manageable[0]?.id ?? null;
  return (
    <div className="form-page">
      <AppLink to={initialSite ? `/groups?site=${initialSite}` : '/groups'} className="back-link">
        {t('groups.backToList')}
      </AppLink>
      <PageHeading>{t('groups.create.title')}</PageHeading>
      {sites.isPending && <Loading />}
      {sites.isError && <ErrorAlert error={sites.error} />}
      {sites.isSuccess && initialSite === null && <Paragraph>{t('groups.noSites')}</Paragraph>}
      {initialSite !== null && <SeriesForm sites={manageable} initialSite={initialSite} />}
    </div>
  );
}

function SeriesForm({ sites, initialSite }: { sites: SiteView[]; initialSite: string }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const create = useCreateSeries();
  const [siteId, setSiteId] = useState(initialSite);
  const [values, setValues] = useState<SeriesValues>(() => emptySeries(today()));
  const [problems, setProblems] = useState<Problems>({});
  const [attempt, setAttempt] = useState(0);
  const set = (patch: Partial<SeriesValues>) => setValues((old) => ({ ...old, ...patch }));
  const checked = checkSeries(values);
  const errors = problemTexts(t, problems);
  const status = (id: string) => ({ status: errors[id] ? ('error' as const) : ('default' as const), statusText: errors[id] });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setProblems(checked.problems);
    setAttempt((n) => n + 1);
    if (!checked.input) return;
    create.mutate({ siteId, input: checked.input }, { onSuccess: (series) => void navigate(`/groups/${series.id}`, { state: { created: series.sessions.length } satisfies CreatedNotice }) });
  };
  const dateProps = { hintText: t('groups.form.dateHint') };

  return (
    <form onSubmit={submit} noValidate className="form-stack">
      <FormErrorSummary errors={errors} attempt={attempt} />
      {create.isError && <ErrorAlert error={create.error} />}
      {sites.length > 1 && <SiteSelect id="series-site" label={t('groups.site')} siteIds={sites.map((s) => s.id)} value={siteId} onChange={setSiteId} siteName={(id) => sites.find((s) => s.id === id)?.name ?? id} />}
      <TextInput id={seriesFields.name} labelText={t('groups.form.name')} hintText={t('groups.form.nameHint')} maxLength={limits.name} value={values.name} onChange={(v) => set({ name: String(v ?? '') })} {...status(seriesFields.name)} fullWidth />
      <DetailFields values={values} set={set} problems={problems} />
      <fieldset className="form-stack">
        <legend className="fieldset-legend">{t('groups.form.scheduleLegend')}</legend>
        <SelectField id={seriesFields.weekday} label={t('groups.form.weekday')} value={String(values.weekday)} onChange={(v) => set({ weekday: Number(v) })} options={[1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: String(d), label: weekdayLabel(t, d) }))} />
        {errors[seriesFields.weekday] && <p className="field-error">{errors[seriesFields.weekday]}</p>}
        <div className="groups-time-pair">
          <TimeInput id={seriesFields.startsAt} labelText={t('groups.form.startsAt')} hintText={t('groups.form.timeHint')} value={values.startsAt} onChange={(startsAt) => set({ startsAt })} onBlur={() => set({ startsAt: completeTime(values.startsAt) })} {...status(seriesFields.startsAt)} />
          <TimeInput id={seriesFields.endsAt} labelText={t('groups.form.endsAt')} hintText={t('groups.form.timeHint')} value={values.endsAt} onChange={(endsAt) => set({ endsAt })} onBlur={() => set({ endsAt: completeTime(values.endsAt) })} {...status(seriesFields.endsAt)} />
        </div>
        <DateField id={seriesFields.startsOn} labelText={t('groups.form.startsOn')} value={values.startsOn} onChange={(value) => set({ startsOn: value })} {...status(seriesFields.startsOn)} {...dateProps} />
        <DateField id={seriesFields.endsOn} labelText={t('groups.form.endsOn')} value={values.endsOn} onChange={(value) => set({ endsOn: value })} {...status(seriesFields.endsOn)} {...dateProps} />
      </fieldset>
      <Textarea id={seriesFields.themes} labelText={t('groups.form.themes')} hintText={t('groups.form.themesHint')} optionalText={t('common.optional')} value={values.themes} onChange={(event) => set({ themes: event.target.value })} {...status(seriesFields.themes)} fullWidth />
      {checked.days.length > 0 && (
        <p id="series-days" className="groups-summary" aria-live="polite">
          {t('groups.create.days', { count: checked.days.length, first: sessionDay(checked.days[0]!, locale), last: sessionDay(checked.days.at(-1)!, locale) })}
        </p>
      )}
      <FormSubmit id="series-submit" isPending={create.isPending}>
        {t('groups.create.submit')}
      </FormSubmit>
    </form>
  );
}
