import { useTranslation } from 'react-i18next';
import { Heading, Paragraph } from 'suomifi-ui-components';
import { addDays } from '../../domain/calendar';
import type { SessionView } from '../../domain/outreach-views';
import { useSession } from '../api/auth';
import { useAbilities } from '../auth/use-abilities';
import { useSites } from '../api/org';
import { AppLink } from '../common/app-link';
import { ErrorAlert } from '../common/error-alert';
import { Loading } from '../common/loading';
import { PageHeading } from '../common/page-heading';
import { today } from '../encounters/encounter-sites';
import { useLocale } from '../i18n/use-locale';
import { canManageAt } from './access';
import { useMySessions } from './api';
import { byDay, formatDay, formatHours } from './dates';
import { SessionItem } from './session-item';
import './schedule.css';

/** How far ahead "coming" reaches: about three months, well inside the API's one-year limit. */
const AHEAD_DAYS = 92;

const myHours = (session: SessionView, userId: string): number => session.professionals.find((p) => p.userId === userId)?.hours ?? 0;

/** The signed-in professional's coming sessions at every site, with their hours. */
export function MySchedulePage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const me = useSession().data?.user;
  const abilities = useAbilities();
  const sites = useSites();
  const from = today();
  const sessions = useMySessions(from, addDays(from, AHEAD_DAYS));
  if (!me) return null;

  const siteName = (id: string) => sites.data?.find((s) => s.id === id)?.name ?? '';
  const held = (sessions.data ?? []).filter((s) => !s.isCancelled);
  const totalHours = held.reduce((sum, s) => sum + myHours(s, me.id), 0);

  return (
    <>
      <PageHeading>{t('schedule.mine.title')}</PageHeading>
      <Paragraph mb="m">{t('schedule.mine.intro')}</Paragraph>
      <p className="page-actions">
        <AppLink to="/schedule">{t('schedule.calendarLink')}</AppLink>
      </p>
      {sessions.isPending && <Loading />}
      {sessions.isError && <ErrorAlert error={sessions.error} />}
      {sessions.isSuccess && sessions.data.length === 0 && <Paragraph>{t('schedule.mine.empty')}</Paragraph>}
      {sessions.isSuccess && sessions.data.length > 0 && (
        <>
          <Paragraph mb="m" className="my-sessions__summary">
            {t('schedule.mine.summary', { count: held.length, hours: formatHours(totalHours, locale) })}
          </Paragraph>
          <ol className="schedule-days">
            {[...byDay(sessions.data)].map(([day, ofDay]) => (
              <li key={day} data-day={day}>
                <Heading variant="h2" className="schedule-days__day">
                  {formatDay(day, locale, 'long')}
                </Heading>
                <ul className="plain-list">
                  {ofDay.map((session) => {
                    const others = session.professionals.filter((p) => p.userId !== me.id).map((p) => p.displayName);
                    return (
                      <li key={session.id}>
                        <p className="my-sessions__site">{siteName(session.siteId)}</p>
                        <SessionItem
                          session={session}
                          showPeople={false}
                          canEdit={canManageAt(abilities, session.siteId)}
                          extra={[t('schedule.mine.hours', { hours: formatHours(myHours(session, me.id), locale) }), others.length > 0 ? t('schedule.mine.others', { names: others.join(', ') }) : ''].filter(Boolean).join(' · ')}
                        />
                      </li>
                    );
                  })}
                </ul>
              </li>
            ))}
          </ol>
        </>
      )}
    </>
  );
}
