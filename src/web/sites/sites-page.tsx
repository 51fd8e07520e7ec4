import { useTranslation } from 'react-i18next';
import { Paragraph } from 'suomifi-ui-components';
import type { SiteView } from '../../domain/api-types';
import { formatClock } from '../../domain/date-format';
import { useSites } from '../api/org';
import { AppLink } from '../common/app-link';
import { ButtonLink } from '../common/button-link';
import { type Column, DataTable } from '../common/data-table';
import { ErrorAlert } from '../common/error-alert';
import { siteKindLabel, weekdayLabel } from '../common/labels';
import { Loading } from '../common/loading';
import { NavigationNotice } from '../common/notice';
import { PageHeading } from '../common/page-heading';
import { useLocale } from '../i18n/use-locale';

function useColumns(): Column<SiteView>[] {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const hours = (site: SiteView): string =>
    site.openingHours.length === 0
      ? t('sites.hours.none')
      : site.openingHours
          .map((h) => t('sites.hours.period', { day: weekdayLabel(t, h.weekday), opens: formatClock(h.opens, locale), closes: formatClock(h.closes, locale) }))
          .join(', ');
  return [
    { key: 'name', label: t('sites.fields.name'), render: (site) => <AppLink to={`/admin/sites/${site.id}`}>{site.name}</AppLink> },
    { key: 'kind', label: t('sites.fields.kind'), render: (site) => siteKindLabel(t, site.kind) },
    { key: 'address', label: t('sites.fields.address'), render: (site) => site.address },
    { key: 'hours', label: t('sites.hours.legend'), render: hours },
    { key: 'rooms', label: t('sites.rooms.legend'), render: (site) => site.rooms.join(', ') },
    { key: 'status', label: t('sites.fields.status'), render: (site) => (site.isActive ? t('common.active') : t('common.inactive')) },
  ];
}

export function SitesPage() {
  const { t } = useTranslation();
  const sites = useSites();
  const columns = useColumns();

  return (
    <>
      <PageHeading>{t('sites.title')}</PageHeading>
      <NavigationNotice />
      <Paragraph mb="m">{t('sites.intro')}</Paragraph>
      <p className="page-actions">
        <ButtonLink to="/admin/sites/new">{t('sites.new')}</ButtonLink>
      </p>
      {sites.isPending && <Loading />}
      {sites.isError && <ErrorAlert error={sites.error} />}
      {sites.data && sites.data.length === 0 && <Paragraph>{t('sites.empty')}</Paragraph>}
      {sites.data && sites.data.length > 0 && (
        <DataTable caption={t('sites.tableCaption')} columns={columns} rows={sites.data} rowKey={(site) => site.id} />
      )}
    </>
  );
}
