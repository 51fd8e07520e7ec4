import { useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Paragraph } from 'suomifi-ui-components';
import type { GroupSeriesView } from '../../domain/groups';
import { useSession } from '../api/auth';
import { useAbilities } from '../auth/use-abilities';
import { apiRequest } from '../api/client';
import { useSites } from '../api/org';
import { AppLink } from '../common/app-link';
import { ButtonLink } from '../common/button-link';
import { DataTable } from '../common/data-table';
import { ErrorAlert } from '../common/error-alert';
import { Loading } from '../common/loading';
import { PageHeading } from '../common/page-heading';
import { SiteSelect } from '../common/site-select';
import { today } from '../encounters/encounter-sites';
import { useLocale } from '../i18n/use-locale';
import { canManageAt, groupSites } from './access';
import { useSeriesOfSite, type SeriesDetail } from './api';
import { nextSession, seriesPeriod, seriesWhen, sessionDay } from './format';
import './groups.css';

/** The site's group series; the chosen site lives in the address, so links and reloads keep it. */
export function GroupsPage() {
  const { t } = useTranslation();
  const me = useSession().data?.user;
  const abilities = useAbilities();
  const sites = useSites();
  const [search, setSearch] = useSearchParams();
  const mine = groupSites(abilities, sites.data);
  const siteId = mine.find((s) => s.id === search.get('site'))?.id ?? mine[0]?.id ?? null;
  const series = useSeriesOfSite(siteId);
  if (!me) return null;

  return (
    <>
      <PageHeading>{t('groups.title')}</PageHeading>
      <Paragraph mb="m">{t('groups.intro')}</Paragraph>
      {sites.isPending && <Loading />}
      {sites.isError && <ErrorAlert error={sites.error} />}
      {sites.isSuccess && siteId === null && <Paragraph>{t('groups.noSites')}</Paragraph>}
      {siteId !== null && (
        <>
          {mine.length > 1 && (
            <SiteSelect
              id="groups-site"
              label={t('groups.site')}
              siteIds={mine.map((s) => s.id)}
              value={siteId}
              onChange={(site) => setSearch({ site })}
              siteName={(id) => mine.find((s) => s.id === id)?.name ?? id}
            />
          )}
          {canManageAt(abilities, siteId) && (
            <div className="page-actions">
              <ButtonLink to={`/groups/new?site=${siteId}`}>{t('groups.newSeries')}</ButtonLink>
            </div>
          )}
          {series.isPending && <Loading />}
          {series.isError && <ErrorAlert error={series.error} />}
          {series.isSuccess && series.data.length === 0 && <Paragraph>{t('groups.noSeries')}</Paragraph>}
          {series.isSuccess && series.data.length > 0 && <SeriesTable series={series.data} siteName={mine.find((s) => s.id === siteId)?.name ?? ''} />}
        </>
      )}
    </>
  );
}

function SeriesTable({ series, siteName }: { series: GroupSeriesView[]; siteName: string }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  // The list has no sessions; each series' own page data tells the next session (and is then ready to open).
  const details = useQueries({
    queries: series.map((s) => ({ queryKey: ['group-series', s.id], queryFn: () => apiRequest<SeriesDetail>('GET', `/api/group-series/${encodeURIComponent(s.id)}`) })),
  });
  const now = today();
  const next = (index: number): string => {
    const detail = details[index]?.data;
    if (!detail) return '…';
    const session = nextSession(detail.sessions, now);
    return session ? sessionDay(session.day, locale) : t('groups.ended');
  };
  const rows = series.map((s, index) => ({ s, index }));
  return (
    <DataTable
      caption={t('groups.tableCaption', { site: siteName })}
      rowKey={(row) => row.s.id}
      rows={rows}
      columns={[
        { key: 'name', label: t('groups.columns.name'), render: (row) => <AppLink to={`/groups/${row.s.id}`}>{row.s.name}</AppLink> },
        { key: 'when', label: t('groups.columns.when'), render: (row) => seriesWhen(t, row.s, locale) },
        { key: 'period', label: t('groups.columns.period'), render: (row) => seriesPeriod(row.s, locale) },
        { key: 'next', label: t('groups.columns.next'), render: (row) => next(row.index) },
        { key: 'announced', label: t('groups.columns.announced'), render: (row) => (row.s.isAnnounced ? t('groups.announcedYes') : t('groups.announcedNo')) },
      ]}
    />
  );
}
