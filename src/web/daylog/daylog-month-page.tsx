import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Button, Heading, Paragraph } from 'suomifi-ui-components';
import { formatClock, formatMonth, formatWeekdayDate } from '../../domain/date-format';
import { addMonths, isMonth } from '../../domain/daylog-trend';
import type { DaylogView } from '../../domain/outreach-views';
import { useSession } from '../api/auth';
import { useAbilities } from '../auth/use-abilities';
import { useSites } from '../api/org';
import { AppLink } from '../common/app-link';
import { type Column, DataTable } from '../common/data-table';
import { ErrorAlert } from '../common/error-alert';
import { may } from '../auth/abilities';
import { Loading } from '../common/loading';
import { PageHeading } from '../common/page-heading';
import { SiteSelect } from '../common/site-select';
import { today } from '../encounters/encounter-sites';
import { useLocale } from '../i18n/use-locale';
import { useDaylogMonth, useDaylogTrend, useSessionDays } from './api';
import { daylogSiteIds } from './daylog-sites';
import { hoursKind, type MonthDay, monthGrid } from './month-grid';
import { TrendChart } from './trend-chart';
import './daylog.css';

const TREND_MONTHS = 12;

export function DaylogMonthPage() {
  const { t } = useTranslation();
  const me = useSession().data?.user;
  const abilities = useAbilities();
  const sites = useSites();
  const [params, setParams] = useSearchParams();
  if (!me) return null;
  const siteIds = daylogSiteIds(abilities, sites.data);
  const thisMonth = today().slice(0, 7);
  const asked = params.get('month') ?? '';
  // The log cannot reach past next month's first day, so later months are never offered.
  const month = isMonth(asked) && asked <= thisMonth ? asked : thisMonth;
  const askedSite = params.get('site') ?? '';
  const siteId = siteIds.includes(askedSite) ? askedSite : (siteIds[0] ?? '');
  // While the sites load, a name is left out rather than shown as an id.
  const siteName = (id: string) => sites.data?.find((s) => s.id === id)?.name ?? '';
  const go = (next: { site?: string; month?: string }) =>
    setParams({ site: next.site ?? siteId, month: next.month ?? month }, { replace: true });

  return (
    <>
      <PageHeading>{t('daylogViews.title')}</PageHeading>
      {may(abilities, 'daylog.write') && (
        <p className="page-actions">
          <AppLink to="/daylog">{t('daylog.link')}</AppLink>
        </p>
      )}
      {sites.isPending && <Loading />}
      {sites.isError && <ErrorAlert error={sites.error} />}
      {sites.data && siteIds.length === 0 && <Paragraph>{t('daylogViews.noSites')}</Paragraph>}
      {siteId !== '' && (
        <>
          {siteIds.length > 1 ? (
            <SiteSelect id="daylog-month-site" label={t('daylogViews.site')} siteIds={siteIds} value={siteId} onChange={(site) => go({ site })} siteName={siteName} />
          ) : (
            <Paragraph mb="m">{siteName(siteId)}</Paragraph>
          )}
          <MonthSection siteId={siteId} month={month} isLatest={month === thisMonth} onMonth={(m) => go({ month: m })} />
          <TrendSection siteId={siteId} to={thisMonth} />
        </>
      )}
    </>
  );
}

function MonthSection({ siteId, month, isLatest, onMonth }: { siteId: string; month: string; isLatest: boolean; onMonth: (month: string) => void }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const days = useDaylogMonth(siteId, month);
  const sessionDays = useSessionDays(siteId, month);
  const monthName = formatMonth(month, locale);
  const grid = monthGrid(month, days.data ?? [], sessionDays.data);
  const logged = grid.filter((d) => d.entry !== null).length;
  const columns = useMonthColumns();

  return (
    <section className="daylog-month" aria-labelledby="daylog-month-heading">
      <Heading variant="h2" id="daylog-month-heading" mb="s">
        {monthName}
      </Heading>
      <div className="daylog-month__nav">
        <Button variant="secondary" id="daylog-month-previous" onClick={() => onMonth(addMonths(month, -1))}>
          {t('daylogViews.previous')}
        </Button>
        <Button variant="secondary" id="daylog-month-next" disabled={isLatest} onClick={() => onMonth(addMonths(month, 1))}>
          {t('daylogViews.next')}
        </Button>
      </div>
      {days.isPending && <Loading />}
      {days.isError && <ErrorAlert error={days.error} />}
      {days.data && (
        <>
          <p className="daylog-month__summary" aria-live="polite">
            {t('daylogViews.loggedDays', { logged, total: grid.length })}
          </p>
          <DataTable caption={t('daylogViews.tableCaption', { month: monthName })} columns={columns} rows={grid} rowKey={(d) => d.day} />
        </>
      )}
    </section>
  );
}

function useMonthColumns(): Column<MonthDay>[] {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const count = (pick: (e: DaylogView) => number | null) => (d: MonthDay) => {
    const value = d.entry === null ? null : pick(d.entry);
    return value === null ? <span className="muted">–</span> : String(value);
  };
  const hours = (d: MonthDay): string => {
    const kind = hoursKind(d.entry);
    if (kind !== 'changed' || d.entry === null) return t(`daylogViews.hours.${kind}`);
    const parts: string[] = [];
    if (d.entry.openedAt !== null) parts.push(t('daylogViews.hours.openedAt', { time: formatClock(d.entry.openedAt, locale) }));
    if (d.entry.closedAt !== null) parts.push(t('daylogViews.hours.closedAt', { time: formatClock(d.entry.closedAt, locale) }));
    const text = parts.join(', ');
    return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
  };
  return [
    {
      key: 'day',
      label: t('daylogViews.columns.day'),
      render: (d) => (
        <span data-day={d.day} data-logged={d.entry !== null}>
          {formatWeekdayDate(d.day, locale, { year: false })}
          {d.hasSession && <span className="daylog-month__session"> {t('daylogViews.session')}</span>}
        </span>
      ),
    },
    { key: 'breakfasts', label: t('daylog.breakfasts'), render: count((e) => e.breakfasts) },
    { key: 'lunches', label: t('daylog.lunches'), render: count((e) => e.lunches) },
    { key: 'visitors', label: t('daylog.estimatedVisitors'), render: count((e) => e.estimatedVisitors) },
    { key: 'hours', label: t('daylogViews.columns.hours'), render: (d) => <span className={d.entry === null ? 'muted' : undefined}>{hours(d)}</span> },
    { key: 'events', label: t('daylog.events'), render: (d) => d.entry?.events ?? '' },
  ];
}

function TrendSection({ siteId, to }: { siteId: string; to: string }) {
  const { t } = useTranslation();
  const trend = useDaylogTrend(siteId, addMonths(to, -(TREND_MONTHS - 1)), to);
  return (
    <section className="daylog-trend" aria-labelledby="daylog-trend-heading">
      <Heading variant="h2" id="daylog-trend-heading" mb="s">
        {t('daylogViews.trend.title')}
      </Heading>
      <Paragraph mb="m">{t('daylogViews.trend.intro')}</Paragraph>
      {trend.isPending && <Loading />}
      {trend.isError && <ErrorAlert error={trend.error} />}
      {trend.data && <TrendChart months={trend.data} />}
    </section>
  );
}
