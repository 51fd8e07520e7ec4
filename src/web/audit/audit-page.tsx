import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Button, Paragraph } from 'suomifi-ui-components';
import type { AuditEntryView } from '../../domain/api-types';
import { useAuditLog } from '../api/audit';
import { useSites } from '../api/org';
import { type Column, DataTable } from '../common/data-table';
import { ErrorAlert } from '../common/error-alert';
import { Loading } from '../common/loading';
import { PageHeading } from '../common/page-heading';
import { useLocale } from '../i18n/use-locale';
import { AuditFilterForm } from './audit-filter-form';
import { filtersFromSearch, filtersToSearch, toApiFilters } from './audit-filters';
import { auditActionLabel, resourceTypeLabel } from './audit-labels';

function useColumns(): Column<AuditEntryView>[] {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const time = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'medium' });
  return [
    { key: 'at', label: t('audit.columns.at'), render: (entry) => <time dateTime={entry.at}>{time.format(new Date(entry.at))}</time> },
    { key: 'actor', label: t('audit.columns.actor'), render: (entry) => entry.actorName ?? t('audit.noActor') },
    { key: 'action', label: t('audit.columns.action'), render: (entry) => auditActionLabel(t, entry.action) },
    { key: 'resource', label: t('audit.columns.resource'), render: (entry) => resourceTypeLabel(t, entry.resourceType) },
    { key: 'site', label: t('audit.columns.site'), render: (entry) => entry.siteName ?? '' },
  ];
}

export function AuditPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const values = filtersFromSearch(search);
  const log = useAuditLog(toApiFilters(values));
  const sites = useSites();
  const columns = useColumns();
  const entries = log.data?.pages.flatMap((page) => page.entries) ?? [];

  return (
    <>
      <PageHeading>{t('audit.title')}</PageHeading>
      <Paragraph mb="m">{t('audit.intro')}</Paragraph>
      <AuditFilterForm key={search.toString()} initial={values} sites={sites.data ?? []} onApply={(next) => setSearch(filtersToSearch(next))} />
      {log.isPending && <Loading />}
      {log.isError && <ErrorAlert error={log.error} />}
      {log.isSuccess && (
        <>
          <p role="status" className="result-count">
            {t('audit.shown', { count: entries.length })}
          </p>
          {entries.length > 0 && (
            <DataTable caption={t('audit.tableCaption')} columns={columns} rows={entries} rowKey={(entry) => entry.id} />
          )}
          {log.hasNextPage && (
            <Button variant="secondary" mt="m" className="audit-load-more" onClick={() => void log.fetchNextPage()} disabled={log.isFetchingNextPage}>
              {t('audit.loadMore')}
            </Button>
          )}
        </>
      )}
    </>
  );
}
