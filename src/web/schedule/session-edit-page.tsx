import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Button, Heading, Paragraph } from 'suomifi-ui-components';
import type { SessionView } from '../../domain/outreach-views';
import { useSites } from '../api/org';
import { AppLink } from '../common/app-link';
import { ErrorAlert } from '../common/error-alert';
import { FormErrorSummary } from '../common/form-error-summary';
import { FormSubmit } from '../common/form-submit';
import { Loading } from '../common/loading';
import { PageHeading } from '../common/page-heading';
import { SelectField } from '../common/select-field';
import { SuccessAlert } from '../common/success-alert';
import { useLocale } from '../i18n/use-locale';
import { useColleagues, useOutreachSession, useUpdateSession } from './api';
import { formatDay } from './dates';
import { holidayLabel } from './holiday-label';
import { ProfessionalsField } from './plan-fields';
import { AnnouncementFields, HoursFields, pickableColleagues, TimeFields } from './session-edit-fields';
import { checkEdit, type EditValues, initialEditValues } from './session-edit-values';
import { CancelledBadge, useTimeRange } from './session-item';
import './schedule.css';

// Kept here too for the modules that learnt it from this page.
export { parseHours } from './session-edit-values';

export function SessionEditPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { sessionId = '' } = useParams();
  const session = useOutreachSession(sessionId);
  const title = session.data ? t('schedule.edit.title', { day: formatDay(session.data.day, locale, 'long') }) : t('schedule.edit.titleLoading');
  return (
    <div className="form-page">
      <AppLink to={session.data ? `/schedule?site=${session.data.siteId}&month=${session.data.day.slice(0, 7)}` : '/schedule'} className="back-link">
        {t('schedule.plan.backToCalendar')}
      </AppLink>
      <PageHeading>{title}</PageHeading>
      {session.isPending && <Loading />}
      {session.isError && <ErrorAlert error={session.error} />}
      {/* Keyed by id: another session starts from its own values, not the previous page's edits. */}
      {session.isSuccess && <SessionEditor key={session.data.id} session={session.data} />}
    </div>
  );
}

type Done = 'saved' | 'cancelledDone' | 'restoredDone' | null;

function SessionEditor({ session }: { session: SessionView }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const timeRange = useTimeRange();
  const sites = useSites();
  const colleagues = useColleagues(session.siteId);
  const update = useUpdateSession(session.id);
  const [values, setValues] = useState<EditValues>(() => initialEditValues(session, locale));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [attempt, setAttempt] = useState(0);
  const [done, setDone] = useState<Done>(null);
  const set = (patch: Partial<EditValues>) => setValues((old) => ({ ...old, ...patch }));
  const site = sites.data?.find((s) => s.id === session.siteId);
  const rooms = [...new Set([...(site?.rooms ?? []), ...(session.room === '' ? [] : [session.room])])];
  const pickable = pickableColleagues(colleagues.data ?? [], session);
  const people = new Map([...session.professionals.map((p) => [p.userId, p.displayName] as const), ...pickable.map((c) => [c.id, c.displayName] as const)]);
  const holiday = holidayLabel(session.day, locale);

  const save = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const checked = checkEdit(t, values);
    setErrors(checked.errors);
    setAttempt((n) => n + 1);
    setDone(null);
    if (checked.patch) update.mutate(checked.patch, { onSuccess: () => setDone('saved') });
  };
  const setCancelled = (isCancelled: boolean) => {
    setDone(null);
    update.mutate({ isCancelled }, { onSuccess: () => setDone(isCancelled ? 'cancelledDone' : 'restoredDone') });
  };

  return (
    <>
      {done !== null && <SuccessAlert>{t(`schedule.edit.${done}`)}</SuccessAlert>}
      {update.isError && <ErrorAlert error={update.error} />}
      <dl className="session-facts">
        <dt>{t('schedule.site')}</dt>
        <dd>{site?.name ?? ''}</dd>
        <dt>{t('schedule.edit.when')}</dt>
        <dd>{`${formatDay(session.day, locale, 'long')} ${timeRange(session)}`}</dd>
        {holiday !== null && (
          <>
            <dt>{t('schedule.holiday.label')}</dt>
            <dd id="session-holiday">{holiday}</dd>
          </>
        )}
        <dt>{t('schedule.edit.status')}</dt>
        <dd id="session-status">{session.isCancelled ? <CancelledBadge /> : t('schedule.edit.statusPlanned')}</dd>
      </dl>
      <form onSubmit={save} noValidate className="form-stack">
        <FormErrorSummary errors={errors} attempt={attempt} />
        <TimeFields values={values} set={set} errors={errors} />
        <SelectField id="session-room" label={t('schedule.plan.room')} value={values.room} onChange={(room) => set({ room })} options={[{ value: '', label: t('schedule.noRoom') }, ...rooms.map((r) => ({ value: r, label: r }))]} />
        {colleagues.isError && <ErrorAlert error={colleagues.error} />}
        {colleagues.isSuccess && <ProfessionalsField colleagues={pickable} selected={values.professionalIds} onChange={(professionalIds) => set({ professionalIds })} />}
        <HoursFields values={values} set={set} errors={errors} people={people} />
        <AnnouncementFields values={values} set={set} errors={errors} />
        <FormSubmit id="session-save" isPending={update.isPending}>
          {t('schedule.edit.save')}
        </FormSubmit>
      </form>
      <section className="form-section" aria-labelledby="session-cancel-heading">
        <Heading variant="h2" id="session-cancel-heading" mb="s">
          {t('schedule.edit.cancelHeading')}
        </Heading>
        <Paragraph mb="m">{session.isCancelled ? t('schedule.edit.isCancelled') : t('schedule.edit.cancelHint')}</Paragraph>
        <Button variant="secondary" id="session-cancel-toggle" disabled={update.isPending} onClick={() => setCancelled(!session.isCancelled)}>
          {session.isCancelled ? t('schedule.edit.restore') : t('schedule.edit.cancel')}
        </Button>
      </section>
    </>
  );
}
