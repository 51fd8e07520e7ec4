import { type FormEvent, useState } from 'react';
import { DateField } from '../common/date-field';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { Checkbox, RadioButton, RadioButtonGroup, Textarea, TimeInput } from 'suomifi-ui-components';
import type { Me, SiteView } from '../../domain/api-types';
import { recurrences, type Recurrence } from '../../domain/outreach';
import { useSession } from '../api/auth';
import { useAbilities } from '../auth/use-abilities';
import { useSites } from '../api/org';
import { AppLink } from '../common/app-link';
import { ErrorAlert } from '../common/error-alert';
import { FormErrorSummary } from '../common/form-error-summary';
import { FormSubmit } from '../common/form-submit';
import { Loading } from '../common/loading';
import { PageHeading } from '../common/page-heading';
import { SelectField } from '../common/select-field';
import { SiteSelect } from '../common/site-select';
import { today } from '../encounters/encounter-sites';
import { completeTime } from '../sites/time';
import { canManageAt } from './access';
import { useColleagues, usePlanSessions } from './api';
import { PlanSummary, ProfessionalsField, RepeatFields } from './plan-fields';
import { PlanHolidays, planHolidaysId } from './plan-holidays';
import { emptyPlan, type FieldErrors, planFields, type PlanValues, PUBLIC_NOTE_MAX, validatePlan } from './plan-form-values';
import type { PlannedNotice } from './schedule-page';
import { TranslationFields } from '../common/translation-fields';
import './schedule.css';

export function SessionPlanPage() {
  const { t } = useTranslation();
  const me = useSession().data?.user;
  const abilities = useAbilities();
  const sites = useSites();
  const [search] = useSearchParams();
  if (!me) return null;
  const manageable = (sites.data ?? []).filter((s) => s.isActive && canManageAt(abilities, s.id));
  const asked = search.get('site');
  const initialSite = manageable.find((s) => s.id === asked)?.id ?? manageable[0]?.id ?? null;
  return (
    <div className="form-page">
      <AppLink to={initialSite ? `/schedule?site=${initialSite}` : '/schedule'} className="back-link">
        {t('schedule.plan.backToCalendar')}
      </AppLink>
      <PageHeading>{t('schedule.plan.title')}</PageHeading>
      {sites.isPending && <Loading />}
      {sites.isError && <ErrorAlert error={sites.error} />}
      {sites.isSuccess && initialSite === null && <p>{t('schedule.noSites')}</p>}
      {initialSite !== null && <PlanForm me={me} sites={manageable} initialSite={initialSite} />}
    </div>
  );
}

function PlanForm({ me, sites, initialSite }: { me: Me; sites: SiteView[]; initialSite: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [values, setValues] = useState<PlanValues>(() => emptyPlan(initialSite, today(), []));
  // null until the user chooses: then the planner is preselected when they are one of the site's professionals.
  const [chosen, setChosen] = useState<string[] | null>(null);
  // Holidays the planner unticked; a day no longer in the plan no longer counts.
  const [skipped, setSkipped] = useState<string[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const colleagues = useColleagues(values.siteId);
  const plan = usePlanSessions();
  const set = (patch: Partial<PlanValues>) => setValues((old) => ({ ...old, ...patch }));
  const site = sites.find((s) => s.id === values.siteId);
  const professionalIds = chosen ?? (colleagues.data?.some((c) => c.id === me.id) ? [me.id] : []);
  const current = { ...values, professionalIds };
  const preview = validatePlan(t, current);
  const skipDays = skipped.filter((day) => preview.days.includes(day));
  const keptDays = preview.days.filter((day) => !skipDays.includes(day));

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const allSkipped = preview.plan !== null && keptDays.length === 0;
    setErrors(allSkipped ? { ...preview.errors, [planHolidaysId]: t('schedule.errors.allSkipped') } : preview.errors);
    setAttempt((n) => n + 1);
    if (!preview.plan || allSkipped) return;
    const month = (keptDays[0] ?? today()).slice(0, 7);
    plan.mutate(
      { siteId: values.siteId, plan: { ...preview.plan, skipDays } },
      { onSuccess: (sessions) => void navigate(`/schedule?site=${values.siteId}&month=${month}`, { state: { planned: sessions.length } satisfies PlannedNotice }) },
    );
  };
  const dateProps = { hintText: t('schedule.plan.dateHint') };
  const isRecurring = values.recurrence !== 'one_off';
  const fieldStatus = (id: string) => ({ status: errors[id] ? ('error' as const) : ('default' as const), statusText: errors[id] });

  return (
    <form onSubmit={submit} noValidate className="form-stack">
      <FormErrorSummary errors={errors} attempt={attempt} />
      {plan.isError && <ErrorAlert error={plan.error} />}
      {sites.length > 1 && (
        <SiteSelect
          id="plan-site"
          label={t('schedule.site')}
          siteIds={sites.map((s) => s.id)}
          value={values.siteId}
          onChange={(siteId) => {
            set({ siteId, room: '' });
            setChosen(null);
          }}
          siteName={(id) => sites.find((s) => s.id === id)?.name ?? id}
        />
      )}
      <RadioButtonGroup id="plan-recurrence" name="recurrence" labelText={t('schedule.plan.recurrence')} value={values.recurrence} onChange={(value) => set({ recurrence: value as Recurrence })}>
        {recurrences.map((r) => (
          <RadioButton key={r} id={`plan-recurrence-${r}`} value={r}>
            {t(`schedule.plan.recurrenceOption.${r}`)}
          </RadioButton>
        ))}
      </RadioButtonGroup>
      <RepeatFields values={values} set={set} />
      <DateField id={planFields.startsOn} labelText={isRecurring ? t('schedule.plan.startsOn') : t('schedule.plan.date')} value={values.startsOn} onChange={(value) => set({ startsOn: value })} {...fieldStatus(planFields.startsOn)} {...dateProps} />
      {isRecurring && (
        <DateField id={planFields.endsOn} labelText={t('schedule.plan.endsOn')} value={values.endsOn} onChange={(value) => set({ endsOn: value })} {...fieldStatus(planFields.endsOn)} {...dateProps} />
      )}
      <div className="time-pair">
        <TimeInput id={planFields.startsAt} labelText={t('schedule.plan.startsAt')} hintText={t('schedule.plan.timeHint')} value={values.startsAt} onChange={(startsAt) => set({ startsAt })} onBlur={() => set({ startsAt: completeTime(values.startsAt) })} {...fieldStatus(planFields.startsAt)} />
        <TimeInput id={planFields.endsAt} labelText={t('schedule.plan.endsAt')} hintText={t('schedule.plan.timeHint')} value={values.endsAt} onChange={(endsAt) => set({ endsAt })} onBlur={() => set({ endsAt: completeTime(values.endsAt) })} {...fieldStatus(planFields.endsAt)} />
      </div>
      {site && site.rooms.length > 0 && (
        <SelectField
          id="plan-room"
          label={t('schedule.plan.room')}
          value={values.room}
          onChange={(room) => set({ room })}
          options={[{ value: '', label: t('schedule.noRoom') }, ...site.rooms.map((room) => ({ value: room, label: room }))]}
        />
      )}
      {colleagues.isPending && <Loading />}
      {colleagues.isError && <ErrorAlert error={colleagues.error} />}
      {colleagues.isSuccess && <ProfessionalsField colleagues={colleagues.data} selected={professionalIds} onChange={setChosen} />}
      <Textarea
        id={planFields.publicNote}
        labelText={t('schedule.plan.publicNote')}
        optionalText={t('common.optional')}
        hintText={t('schedule.plan.publicNoteHint')}
        value={values.publicNote}
        maxLength={PUBLIC_NOTE_MAX}
        onChange={(event) => set({ publicNote: event.target.value })}
        {...fieldStatus(planFields.publicNote)}
        fullWidth
      />
      <TranslationFields
        idBase={planFields.publicNote}
        fieldLabel={t('schedule.plan.publicNote')}
        values={values.publicNoteTranslations}
        onChange={(publicNoteTranslations) => set({ publicNoteTranslations })}
        multiline
        maxLength={PUBLIC_NOTE_MAX}
      />
      <Checkbox id="plan-announced" checked={values.isAnnounced} onClick={({ checkboxState }) => set({ isAnnounced: checkboxState })}>
        {t('schedule.plan.isAnnounced')}
      </Checkbox>
      {preview.plan && <PlanHolidays days={preview.days} skipped={skipDays} onChange={setSkipped} error={errors[planHolidaysId]} />}
      {preview.plan && keptDays.length > 0 && <PlanSummary values={current} days={keptDays} startsAt={preview.plan.startsAt} endsAt={preview.plan.endsAt} />}
      <FormSubmit id="plan-submit" isPending={plan.isPending}>
        {t('schedule.plan.submit')}
      </FormSubmit>
    </form>
  );
}
