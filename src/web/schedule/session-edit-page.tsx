import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Button, Heading, Paragraph, TextInput } from 'suomifi-ui-components';
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
import { useOutreachSession, useUpdateSession } from './api';
import { formatDay, formatHours } from './dates';
import { CancelledBadge, useTimeRange } from './session-item';
import './schedule.css';

const hoursFieldId = (userId: string) => `hours-${userId}`;

/** "2,5" or "2.5" → 2.5; null unless a number of hours 0–24 with at most two decimals. */
export function parseHours(text: string): number | null {
  const normalised = text.trim().replace(',', '.');
  if (!/^\d{1,2}(\.\d{1,2})?$/.test(normalised)) return null;
  const hours = Number(normalised);
  return hours <= 24 ? hours : null;
}

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
  const update = useUpdateSession(session.id);
  const [room, setRoom] = useState(session.room);
  const [hours, setHours] = useState<Record<string, string>>(() =>
    Object.fromEntries(session.professionals.map((p) => [p.userId, formatHours(p.hours, locale)])),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [attempt, setAttempt] = useState(0);
  const [done, setDone] = useState<Done>(null);
  const site = sites.data?.find((s) => s.id === session.siteId);
  const rooms = [...new Set([...(site?.rooms ?? []), ...(session.room === '' ? [] : [session.room])])];

  const save = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const found: Record<string, string> = {};
    const professionals = session.professionals.map((p) => {
      const parsed = parseHours(hours[p.userId] ?? '');
      if (parsed === null) found[hoursFieldId(p.userId)] = t('schedule.errors.hours');
      return { userId: p.userId, hours: parsed ?? 0 };
    });
    setErrors(found);
    setAttempt((n) => n + 1);
    setDone(null);
    if (Object.keys(found).length > 0) return;
    update.mutate({ room, professionals }, { onSuccess: () => setDone('saved') });
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
        <dt>{t('schedule.edit.status')}</dt>
        <dd id="session-status">{session.isCancelled ? <CancelledBadge /> : t('schedule.edit.statusPlanned')}</dd>
      </dl>
      <form onSubmit={save} noValidate className="form-stack">
        <FormErrorSummary errors={errors} attempt={attempt} />
        <SelectField id="session-room" label={t('schedule.plan.room')} value={room} onChange={setRoom} options={[{ value: '', label: t('schedule.noRoom') }, ...rooms.map((r) => ({ value: r, label: r }))]} />
        <fieldset className="hours-list">
          <legend className="fieldset-legend">{t('schedule.edit.hoursLegend')}</legend>
          <Paragraph>{session.professionals.length === 0 ? t('schedule.noProfessionals') : t('schedule.edit.hoursHint')}</Paragraph>
          {session.professionals.map((p) => (
            <TextInput
              key={p.userId}
              id={hoursFieldId(p.userId)}
              labelText={t('schedule.edit.hoursOf', { name: p.displayName })}
              inputMode="decimal"
              autoComplete="off"
              value={hours[p.userId] ?? ''}
              onChange={(value) => setHours((old) => ({ ...old, [p.userId]: String(value ?? '') }))}
              status={errors[hoursFieldId(p.userId)] ? 'error' : 'default'}
              statusText={errors[hoursFieldId(p.userId)]}
            />
          ))}
        </fieldset>
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
