import { useTranslation } from 'react-i18next';
import { useLocation, useParams } from 'react-router';
import { Paragraph } from 'suomifi-ui-components';
import { useSession } from '../api/auth';
import { useAbilities } from '../auth/use-abilities';
import { isApiRequestError } from '../api/client';
import { AppLink } from '../common/app-link';
import { ErrorAlert } from '../common/error-alert';
import { Loading } from '../common/loading';
import { PageHeading } from '../common/page-heading';
import { SuccessAlert } from '../common/success-alert';
import { useLocale } from '../i18n/use-locale';
import { canManageAt, canRecordAt } from './access';
import { useSeries } from './api';
import type { RecordedNotice } from './attendance-page';
import { seriesPeriod, seriesWhen, sessionDay } from './format';
import { DetailsSection } from './details-section';
import { SessionsSection } from './sessions-section';
import { StatisticsSection } from './statistics-section';
import type { CreatedNotice } from './series-create-page';
import './groups.css';

const createdCount = (state: unknown): number | null =>
  typeof state === 'object' && state !== null && typeof (state as { created?: unknown }).created === 'number' ? (state as CreatedNotice).created : null;
const recordedFigures = (state: unknown): RecordedNotice['recorded'] | null => {
  const recorded = typeof state === 'object' && state !== null ? (state as { recorded?: unknown }).recorded : undefined;
  return typeof recorded === 'object' && recorded !== null && typeof (recorded as { total?: unknown }).total === 'number' ? (recorded as RecordedNotice['recorded']) : null;
};

/** One series: its details, its sessions with attendance, and the report of domain.md § 4.6. */
export function SeriesPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const me = useSession().data?.user;
  const abilities = useAbilities();
  const seriesId = useParams().seriesId ?? '';
  const state: unknown = useLocation().state;
  const created = createdCount(state);
  const recorded = recordedFigures(state);
  const series = useSeries(seriesId);
  if (!me) return null;
  const back = (
    <AppLink to={series.data ? `/groups?site=${series.data.siteId}` : '/groups'} className="back-link">
      {t('groups.backToList')}
    </AppLink>
  );
  if (series.isPending) return <>{back}<PageHeading>{t('groups.seriesTitle')}</PageHeading><Loading /></>;
  if (series.isError) {
    const missing = isApiRequestError(series.error) && series.error.status === 404;
    return <>{back}<PageHeading>{t('groups.seriesTitle')}</PageHeading>{missing ? <Paragraph>{t('groups.notFound')}</Paragraph> : <ErrorAlert error={series.error} />}</>;
  }
  const data = series.data;
  return (
    <div className="series-page">
      {back}
      <PageHeading>{data.name}</PageHeading>
      {created !== null && <SuccessAlert>{t('groups.created', { count: created })}</SuccessAlert>}
      {recorded !== null && <SuccessAlert>{t('groups.recorded', { ...recorded, day: sessionDay(recorded.day, locale) })}</SuccessAlert>}
      <Paragraph mb="m" id="series-when">
        {seriesWhen(t, data, locale)} · {seriesPeriod(data, locale)}
        {data.room !== '' && <> · {data.room}</>}
      </Paragraph>
      <DetailsSection series={data} canEdit={canManageAt(abilities, data.siteId)} />
      <SessionsSection series={data} canEdit={canManageAt(abilities, data.siteId)} canRecord={canRecordAt(abilities, data.siteId)} />
      <StatisticsSection series={data} canCount={canRecordAt(abilities, data.siteId)} />
    </div>
  );
}
