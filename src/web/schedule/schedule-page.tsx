import { useTranslation } from 'react-i18next';
import { useLocation, useSearchParams } from 'react-router';
import { Button, Heading, Paragraph } from 'suomifi-ui-components';
import { monthBounds } from '../../domain/calendar';
import { useSession } from '../api/auth';
import { useAbilities } from '../auth/use-abilities';
import { useSites } from '../api/org';
import { AppLink } from '../common/app-link';
import { ButtonLink } from '../common/button-link';
import { ErrorAlert } from '../common/error-alert';
import { Loading } from '../common/loading';
import { PageHeading } from '../common/page-heading';
import { SiteSelect } from '../common/site-select';
import { SuccessAlert } from '../common/success-alert';
import { today } from '../encounters/encounter-sites';
import { useLocale } from '../i18n/use-locale';
import { canManageAt } from './access';
import { useSiteSessions } from './api';
import { DayList, MonthGrid } from './calendar-views';
import { formatMonth, isMonth, shiftMonth } from './dates';
import { useMediaQuery } from './use-media-query';
import './schedule.css';

/** What the plan page leaves in navigation state after saving. */
export type PlannedNotice = { planned: number };
const plannedCount = (state: unknown): number | null =>
  typeof state === 'object' && state !== null && typeof (state as { planned?: unknown }).planned === 'number' ? (state as PlannedNotice).planned : null;

/** The site's calendar by month; the site and month live in the address, so links and reloads keep them. */
export function SchedulePage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const me = useSession().data?.user;
  const abilities = useAbilities();
  const sites = useSites();
  const [search, setSearch] = useSearchParams();
  const planned = plannedCount(useLocation().state);
  const isWide = useMediaQuery('(min-width: 48em)');
  const activeSites = (sites.data ?? []).filter((s) => s.isActive);
  const asked = search.get('site');
  const siteId = activeSites.find((s) => s.id === asked)?.id ?? activeSites[0]?.id ?? null;
  const askedMonth = search.get('month');
  const month = isMonth(askedMonth) ? askedMonth : today().slice(0, 7);
  const { first, last } = monthBounds(month);
  const sessions = useSiteSessions(siteId, first, last);
  if (!me) return null;

  const go = (next: { site?: string; month?: string }) => setSearch({ site: next.site ?? siteId ?? '', month: next.month ?? month }, { replace: false });
  const canEdit = siteId !== null && canManageAt(abilities, siteId);

  return (
    <>
      <PageHeading>{t('schedule.title')}</PageHeading>
      {planned !== null && <SuccessAlert>{t('schedule.planned', { count: planned })}</SuccessAlert>}
      <Paragraph mb="m">{t('schedule.intro')}</Paragraph>
      <div className="page-actions schedule-actions">
        {canEdit && <ButtonLink to={`/schedule/new?site=${siteId}`}>{t('schedule.planLink')}</ButtonLink>}
        <AppLink to="/schedule/mine">{t('schedule.mineLink')}</AppLink>
      </div>
      {sites.isPending && <Loading />}
      {sites.isError && <ErrorAlert error={sites.error} />}
      {sites.isSuccess && siteId === null && <Paragraph>{t('schedule.noSites')}</Paragraph>}
      {siteId !== null && (
        <>
          {activeSites.length > 1 && (
            <SiteSelect
              id="schedule-site"
              label={t('schedule.site')}
              siteIds={activeSites.map((s) => s.id)}
              value={siteId}
              onChange={(site) => go({ site })}
              siteName={(id) => activeSites.find((s) => s.id === id)?.name ?? id}
            />
          )}
          <nav className="month-nav" aria-labelledby="schedule-month">
            <Button variant="secondary" onClick={() => go({ month: shiftMonth(month, -1) })} aria-label={t('schedule.previousMonthLabel', { month: formatMonth(shiftMonth(month, -1), locale) })}>
              {t('schedule.previousMonth')}
            </Button>
            <Heading variant="h2" id="schedule-month" className="month-nav__title">
              {formatMonth(month, locale)}
            </Heading>
            <Button variant="secondary" onClick={() => go({ month: shiftMonth(month, 1) })} aria-label={t('schedule.nextMonthLabel', { month: formatMonth(shiftMonth(month, 1), locale) })}>
              {t('schedule.nextMonth')}
            </Button>
          </nav>
          {sessions.isPending && <Loading />}
          {sessions.isError && <ErrorAlert error={sessions.error} />}
          {sessions.isSuccess && sessions.data.length === 0 && <Paragraph>{t('schedule.emptyMonth')}</Paragraph>}
          {sessions.isSuccess && sessions.data.length > 0 &&
            (isWide ? <MonthGrid month={month} sessions={sessions.data} canEdit={canEdit} /> : <DayList sessions={sessions.data} canEdit={canEdit} />)}
        </>
      )}
    </>
  );
}
