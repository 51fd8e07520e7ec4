import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { Button, Paragraph } from 'suomifi-ui-components';
import type { AttendanceView, GroupSessionView } from '../../domain/groups';
import { formatVisitorCode } from '../../domain/visitor-code';
import { isApiRequestError } from '../api/client';
import { AppLink } from '../common/app-link';
import { ErrorAlert } from '../common/error-alert';
import { FormErrorSummary } from '../common/form-error-summary';
import { Loading } from '../common/loading';
import { PageHeading } from '../common/page-heading';
import { today } from '../encounters/encounter-sites';
import { useLocale } from '../i18n/use-locale';
import { useAttendance, useRecordAttendance, useSeries } from './api';
import { checkCounters, counterFields, countersToValues, type CounterErrors, type CounterValues } from './attendance-values';
import { CodeRoster, type RosterEntry } from './code-roster';
import { CounterStepper } from './counter-stepper';
import { sessionDay, timeRange } from './format';
import './groups.css';

/** What the series page shows after attendance was saved: the figures derived over the series. */
export type RecordedNotice = { recorded: { day: string; total: number; returning: number; new: number } };

/** Records a session's attendance: quick counters for anonymous participants and the roster of visitor codes. */
export function AttendancePage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const sessionId = useParams().sessionId ?? '';
  const seriesId = useSearchParams()[0].get('series');
  const series = useSeries(seriesId ?? '', seriesId !== null);
  const session = seriesId ? series.data?.sessions.find((s) => s.id === sessionId) : undefined;
  // A session that cannot have attendance (cancelled, or still to come) is not asked for its roster at all.
  const isOpen = !session || (!session.isCancelled && session.day <= today());
  const roster = useAttendance(sessionId, isOpen && (!seriesId || series.isFetched));
  const title = session ? t('groups.attendance.titleFor', { day: sessionDay(session.day, locale) }) : t('groups.attendance.title');

  return (
    <div className="form-page attendance-page">
      <AppLink to={seriesId ? `/groups/${seriesId}` : '/groups'} className="back-link">
        {series.data ? t('groups.attendance.backTo', { name: series.data.name }) : t('groups.backToList')}
      </AppLink>
      <PageHeading>{title}</PageHeading>
      {session && series.data && (
        <Paragraph mb="m" id="attendance-context">
          {series.data.name} · {timeRange(session.startsAt, session.endsAt, locale)}
          {session.theme !== '' && <> · {session.theme}</>}
        </Paragraph>
      )}
      {session?.isCancelled && <Paragraph>{t('groups.attendance.cancelled')}</Paragraph>}
      {session && !session.isCancelled && session.day > today() && <Paragraph>{t('groups.attendance.future')}</Paragraph>}
      {isOpen && roster.isPending && <Loading />}
      {isOpen && roster.isError && <RosterError error={roster.error} />}
      {isOpen && roster.isSuccess && <AttendanceForm sessionId={sessionId} saved={roster.data} />}
    </div>
  );
}

function RosterError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (isApiRequestError(error) && error.status === 403) return <Paragraph id="attendance-forbidden">{t('groups.attendance.forbidden')}</Paragraph>;
  if (isApiRequestError(error) && error.status === 404) return <Paragraph>{t('groups.notFound')}</Paragraph>;
  return <ErrorAlert error={error} />;
}

/** The server's word on a refused save, in words the user can act on. */
function refusal(error: unknown): { code: string | null; key: 'refusedCode' | 'future' | 'cancelled' | null } {
  if (!isApiRequestError(error)) return { code: null, key: null };
  const details = (typeof error.details === 'object' && error.details !== null ? error.details : {}) as { field?: unknown; code?: unknown };
  if (error.code === 'bad_request' && details.field === 'codes' && typeof details.code === 'string') return { code: details.code, key: 'refusedCode' };
  if (error.code === 'bad_request' && details.field === 'day') return { code: null, key: 'future' };
  if (error.code === 'conflict') return { code: null, key: 'cancelled' };
  return { code: null, key: null };
}

function AttendanceForm({ sessionId, saved }: { sessionId: string; saved: AttendanceView }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const record = useRecordAttendance(sessionId);
  const [values, setValues] = useState<CounterValues>(() => countersToValues(saved.counters));
  const [entries, setEntries] = useState<RosterEntry[]>(() => saved.codes.map((c) => ({ code: c.code, isReturning: c.isReturning })));
  const [errors, setErrors] = useState<CounterErrors>({});
  const [attempt, setAttempt] = useState(0);
  const fieldId = (field: string) => `counter-${field}`;
  const messages = Object.fromEntries(Object.entries(errors).map(([field, problem]) => [fieldId(field), t(`groups.attendance.problem.${problem}`)]));
  const refused = record.isError ? refusal(record.error) : { code: null, key: null };

  const set = (field: keyof CounterValues, value: string) => {
    setValues((old) => ({ ...old, [field]: value }));
    if (errors[field] || (field !== 'returning' && errors.returning === 'exceedsTotal')) setErrors({});
  };
  const save = () => {
    const checked = checkCounters(values, entries.length);
    setErrors(checked.errors);
    setAttempt((n) => n + 1);
    if (!checked.ok) return;
    record.mutate({ counters: checked.counters, codes: entries.map((e) => e.code) }, {
      onSuccess: (session: GroupSessionView) => {
        const figures = session.attendance ?? { total: 0, returning: 0, new: 0 };
        void navigate(`/groups/${session.seriesId}`, { state: { recorded: { day: session.day, ...figures } } satisfies RecordedNotice });
      },
    });
  };

  return (
    <>
      <FormErrorSummary errors={messages} attempt={attempt} />
      {saved.figures && (
        <Paragraph mb="m" id="attendance-saved">
          {t('groups.attendance.savedBefore', { total: saved.figures.total, returning: saved.figures.returning, new: saved.figures.new })}
        </Paragraph>
      )}
      <section aria-labelledby="counters-heading" className="groups-section">
        <h2 id="counters-heading" className="groups-h2">{t('groups.attendance.countersHeading')}</h2>
        <Paragraph mb="s">{t('groups.attendance.countersIntro')}</Paragraph>
        <div className="counters">
          {counterFields.map((field) => (
            <CounterStepper
              key={field}
              id={fieldId(field)}
              label={t(`groups.attendance.counter.${field}`)}
              hint={field === 'total' ? undefined : t('groups.attendance.counterHint')}
              value={values[field]}
              error={messages[fieldId(field)]}
              onChange={(value) => set(field, value)}
            />
          ))}
        </div>
      </section>
      <CodeRoster entries={entries} onChange={setEntries} refused={refused.code} />
      <div className="groups-section">
        {record.isError && (refused.key === null ? <ErrorAlert error={record.error} /> : (
          <div role="alert" className="groups-refusal">
            <p className="field-error">{t(`groups.attendance.refused.${refused.key}`, { code: refused.code ? formatVisitorCode(refused.code) : '' })}</p>
          </div>
        ))}
        <Button id="attendance-save" disabled={record.isPending} onClick={save}>
          {t('groups.attendance.save')}
        </Button>
      </div>
    </>
  );
}
