import { type FormEvent, useState } from 'react';
import { DateField } from '../common/date-field';
import { useTranslation } from 'react-i18next';
import { Paragraph, TextInput, Textarea } from 'suomifi-ui-components';
import type { SiteView } from '../../domain/api-types';
import type { ServiceView } from '../../domain/outreach-views';
import type { PilotInput } from '../../domain/pilots';
import { ErrorAlert } from '../common/error-alert';
import { FormErrorSummary } from '../common/form-error-summary';
import { FormSubmit } from '../common/form-submit';
import { professionLabel } from '../common/labels';
import { Loading } from '../common/loading';
import { useLocale } from '../i18n/use-locale';
import { useProfessionalsOf } from './api';
import { MemberChoice } from './member-choice';
import { checkPilot, pilotFields, pilotLimits, type PilotValues, type Problems } from './pilot-form-values';
import { problemTexts } from './problem-text';

export type PilotFormProps = {
  sites: SiteView[];
  services: ServiceView[];
  initial: PilotValues;
  submitText: string;
  isPending: boolean;
  error: Error | null;
  onSubmit: (input: PilotInput) => void;
};

/** The pilot's plan as a form, for a new pilot and for editing one: checked here the way the API checks it. */
export function PilotForm({ sites, services, initial, submitText, isPending, error, onSubmit }: PilotFormProps) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [values, setValues] = useState<PilotValues>(initial);
  const [problems, setProblems] = useState<Problems>({});
  const [attempt, setAttempt] = useState(0);
  const set = (patch: Partial<PilotValues>) => setValues((old) => ({ ...old, ...patch }));
  const staff = useProfessionalsOf(values.siteIds);
  const errors = problemTexts(t, problems);
  const status = (id: string) => ({ status: errors[id] ? ('error' as const) : ('default' as const), statusText: errors[id] });
  const firstSite = sites[0]?.id ?? null;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // Until the chosen sites' staff has loaded (or when it failed to), the chosen professionals are
    // kept as they are: an edit sent meanwhile must not drop the pilot's professionals unseen.
    const available = staff.isPending || staff.error ? values.professionalIds : staff.professionals.map((p) => p.id);
    const checked = checkPilot(values, firstSite, available);
    setProblems(checked.problems);
    setAttempt((n) => n + 1);
    if (checked.input) onSubmit(checked.input);
  };
  const dateProps = { hintText: t('pilots.form.dateHint') };
  const siteError = Object.entries(errors).find(([id]) => id.startsWith('pilot-site-'))?.[1];

  return (
    <form onSubmit={submit} noValidate className="form-stack">
      <FormErrorSummary errors={errors} attempt={attempt} />
      {error && <ErrorAlert error={error} />}
      <TextInput id={pilotFields.name} labelText={t('pilots.form.name')} hintText={t('pilots.form.nameHint')} maxLength={pilotLimits.name} value={values.name} onChange={(v) => set({ name: String(v ?? '') })} {...status(pilotFields.name)} fullWidth />
      <Textarea id={pilotFields.description} labelText={t('pilots.form.description')} hintText={t('pilots.form.descriptionHint')} optionalText={t('common.optional')} value={values.description} onChange={(e) => set({ description: e.target.value })} {...status(pilotFields.description)} fullWidth />
      <Textarea id={pilotFields.goals} labelText={t('pilots.form.goals')} hintText={t('pilots.form.goalsHint')} optionalText={t('common.optional')} value={values.goals} onChange={(e) => set({ goals: e.target.value })} {...status(pilotFields.goals)} fullWidth />
      <MemberChoice id={pilotFields.sites} list="site" label={t('pilots.form.sites')} hint={t('pilots.form.sitesHint')} options={sites.map((s) => ({ id: s.id, label: s.name }))} chosen={values.siteIds} onChange={(siteIds) => set({ siteIds })} error={siteError} />
      <div className="pilot-dates">
        <DateField id={pilotFields.startsOn} labelText={t('pilots.form.startsOn')} value={values.startsOn} onChange={(value) => set({ startsOn: value })} {...status(pilotFields.startsOn)} {...dateProps} />
        <DateField id={pilotFields.endsOn} labelText={t('pilots.form.endsOn')} value={values.endsOn} onChange={(value) => set({ endsOn: value })} {...status(pilotFields.endsOn)} {...dateProps} />
      </div>
      <MemberChoice id="pilot-services" list="service" label={t('pilots.form.services')} hint={t('pilots.form.servicesHint')} options={services.map((s) => ({ id: s.id, label: s.names[locale] }))} chosen={values.serviceIds} onChange={(serviceIds) => set({ serviceIds })} />
      {values.siteIds.length === 0 && <Paragraph className="muted">{t('pilots.form.chooseSitesFirst')}</Paragraph>}
      {staff.isPending && values.siteIds.length > 0 && <Loading />}
      {staff.error && <ErrorAlert error={staff.error} />}
      {!staff.isPending && values.siteIds.length > 0 && staff.professionals.length === 0 && <Paragraph className="muted">{t('pilots.form.noProfessionals')}</Paragraph>}
      {staff.professionals.length > 0 && (
        <MemberChoice
          id="pilot-professionals"
          // eslint-disable-next-line no-restricted-syntax -- the name of the member list (pilot professionals), not a role
          list="professional"
          label={t('pilots.form.professionals')}
          hint={t('pilots.form.professionalsHint')}
          options={staff.professionals.map((p) => ({ id: p.id, label: `${p.displayName} (${professionLabel(t, p.profession)})` }))}
          chosen={values.professionalIds}
          onChange={(professionalIds) => set({ professionalIds })}
        />
      )}
      <FormSubmit id="pilot-submit" isPending={isPending}>
        {submitText}
      </FormSubmit>
    </form>
  );
}
