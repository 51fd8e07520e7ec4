import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { DateInput, Paragraph, TextInput, Textarea } from 'suomifi-ui-components';
import type { SiteView } from '../../domain/api-types';
import type { ServiceView } from '../../domain/outreach-views';
import { useSites } from '../api/org';
import { useServices } from '../api/outreach';
import { useDatePickerTexts } from '../audit/date-picker-texts';
import { AppLink } from '../common/app-link';
import { ErrorAlert } from '../common/error-alert';
import { FormErrorSummary } from '../common/form-error-summary';
import { FormSubmit } from '../common/form-submit';
import { professionLabel } from '../common/labels';
import { Loading } from '../common/loading';
import { PageHeading } from '../common/page-heading';
import { today } from '../encounters/encounter-sites';
import { useLocale } from '../i18n/use-locale';
import { useCreatePilot, useProfessionalsOf } from './api';
import { MemberChoice } from './member-choice';
import { checkPilot, emptyPilot, pilotFields, pilotLimits, type PilotValues, type Problems } from './pilot-form-values';
import { problemTexts } from './problem-text';
import './pilots.css';

/** What the pilot page shows after the pilot was made. */
export type PilotCreatedNotice = { pilotCreated: true };

export function PilotCreatePage() {
  const { t } = useTranslation();
  const sites = useSites();
  const services = useServices();
  const active = (sites.data ?? []).filter((s) => s.isActive);
  return (
    <div className="form-page">
      <AppLink to="/pilots" className="back-link">
        {t('pilots.backToList')}
      </AppLink>
      <PageHeading>{t('pilots.create.title')}</PageHeading>
      {(sites.isPending || services.isPending) && <Loading />}
      {sites.isError && <ErrorAlert error={sites.error} />}
      {services.isError && <ErrorAlert error={services.error} />}
      {sites.isSuccess && services.isSuccess && <PilotForm sites={active} services={services.data.filter((s) => s.isActive)} />}
    </div>
  );
}

function PilotForm({ sites, services }: { sites: SiteView[]; services: ServiceView[] }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const datePickerTexts = useDatePickerTexts();
  const create = useCreatePilot();
  // One site is chosen for the reader when there is only one to choose.
  const [values, setValues] = useState<PilotValues>(() => ({ ...emptyPilot(today()), siteIds: sites.length === 1 ? [sites[0]!.id] : [] }));
  const [problems, setProblems] = useState<Problems>({});
  const [attempt, setAttempt] = useState(0);
  const set = (patch: Partial<PilotValues>) => setValues((old) => ({ ...old, ...patch }));
  const staff = useProfessionalsOf(values.siteIds);
  const errors = problemTexts(t, problems);
  const status = (id: string) => ({ status: errors[id] ? ('error' as const) : ('default' as const), statusText: errors[id] });
  const firstSite = sites[0]?.id ?? null;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const checked = checkPilot(values, firstSite, staff.professionals.map((p) => p.id));
    setProblems(checked.problems);
    setAttempt((n) => n + 1);
    if (!checked.input) return;
    create.mutate(checked.input, { onSuccess: (pilot) => void navigate(`/pilots/${pilot.id}`, { state: { pilotCreated: true } satisfies PilotCreatedNotice }) });
  };
  const dateProps = { datePickerEnabled: true, language: locale, datePickerTexts, hintText: t('pilots.form.dateHint') };
  const siteError = Object.entries(errors).find(([id]) => id.startsWith('pilot-site-'))?.[1];

  return (
    <form onSubmit={submit} noValidate className="form-stack">
      <FormErrorSummary errors={errors} attempt={attempt} />
      {create.isError && <ErrorAlert error={create.error} />}
      <TextInput id={pilotFields.name} labelText={t('pilots.form.name')} hintText={t('pilots.form.nameHint')} maxLength={pilotLimits.name} value={values.name} onChange={(v) => set({ name: String(v ?? '') })} {...status(pilotFields.name)} fullWidth />
      <Textarea id={pilotFields.description} labelText={t('pilots.form.description')} hintText={t('pilots.form.descriptionHint')} optionalText={t('common.optional')} value={values.description} onChange={(e) => set({ description: e.target.value })} {...status(pilotFields.description)} fullWidth />
      <Textarea id={pilotFields.goals} labelText={t('pilots.form.goals')} hintText={t('pilots.form.goalsHint')} optionalText={t('common.optional')} value={values.goals} onChange={(e) => set({ goals: e.target.value })} {...status(pilotFields.goals)} fullWidth />
      <MemberChoice id={pilotFields.sites} list="site" label={t('pilots.form.sites')} hint={t('pilots.form.sitesHint')} options={sites.map((s) => ({ id: s.id, label: s.name }))} chosen={values.siteIds} onChange={(siteIds) => set({ siteIds })} error={siteError} />
      <div className="pilot-dates">
        <DateInput id={pilotFields.startsOn} labelText={t('pilots.form.startsOn')} value={values.startsOn} onChange={({ value }) => set({ startsOn: value })} {...status(pilotFields.startsOn)} {...dateProps} />
        <DateInput id={pilotFields.endsOn} labelText={t('pilots.form.endsOn')} value={values.endsOn} onChange={({ value }) => set({ endsOn: value })} {...status(pilotFields.endsOn)} {...dateProps} />
      </div>
      <MemberChoice id="pilot-services" list="service" label={t('pilots.form.services')} hint={t('pilots.form.servicesHint')} options={services.map((s) => ({ id: s.id, label: s.names[locale] }))} chosen={values.serviceIds} onChange={(serviceIds) => set({ serviceIds })} />
      {values.siteIds.length === 0 && <Paragraph className="muted">{t('pilots.form.chooseSitesFirst')}</Paragraph>}
      {staff.isPending && values.siteIds.length > 0 && <Loading />}
      {staff.error && <ErrorAlert error={staff.error} />}
      {!staff.isPending && values.siteIds.length > 0 && staff.professionals.length === 0 && <Paragraph className="muted">{t('pilots.form.noProfessionals')}</Paragraph>}
      {staff.professionals.length > 0 && (
        <MemberChoice
          id="pilot-professionals"
          list="professional"
          label={t('pilots.form.professionals')}
          hint={t('pilots.form.professionalsHint')}
          options={staff.professionals.map((p) => ({ id: p.id, label: `${p.displayName} (${professionLabel(t, p.profession)})` }))}
          chosen={values.professionalIds}
          onChange={(professionalIds) => set({ professionalIds })}
        />
      )}
      <FormSubmit id="pilot-submit" isPending={create.isPending}>
        {t('pilots.create.submit')}
      </FormSubmit>
    </form>
  );
}
