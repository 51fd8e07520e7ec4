import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Button, Paragraph } from 'suomifi-ui-components';
import type { AuditEntryView } from '../../domain/api-types';
import { formatDateTime } from '../../domain/date-format';
import { useAuditLog } from '../api/audit';
import { useSites } from '../api/org';
import { type Column, DataTable } from '../common/data-table';
import { ErrorAlert } from '../common/error-alert';
import { Loading } from '../common/loading';
import { PageHeading } from '../common/page-heading';
import { useLocale } from '../i18n/use-locale';
import { AuditFilterForm } from './audit-filter-form';
import { type AuditFilterValues, filtersFromSearch, filtersToSearch, targetKey, toApiFilters } from './audit-filters';
import { auditActionLabel } from './audit-labels';
import { ActiveFollows } from './active-follows';
import { useTargetText } from './audit-target';
import './audit.css';

type Follow = { person: (entry: AuditEntryView) => void; target: (entry: AuditEntryView) => void };

function useColumns(follow: Follow): Column<AuditEntryView>[] {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const targetText = useTargetText();
  return [
    { key: 'at', label: t('audit.columns.at'), render: (entry) => <time dateTime={entry.at}>{formatDateTime(entry.at, locale, { seconds: true })}</time> },
    {
      key: 'actor',
      label: t('audit.columns.actor'),
      render: (entry) =>
        entry.actorId === null || entry.actorName === null ? (entry.actorName ?? t('audit.noActor')) : (
          <button type="button" className="link-button" onClick={() => follow.person(entry)} aria-describedby="audit-follow-person">
            {entry.actorName}
          </button>
        ),
    },
    { key: 'action', label: t('audit.columns.action'), render: (entry) => auditActionLabel(t, entry.action) },
    {
      key: 'resource',
      label: t('audit.columns.resource'),
      render: (entry) =>
        entry.resourceId === null ? targetText(entry) : (
          <button type="button" className="link-button" onClick={() => follow.target(entry)} aria-describedby="audit-follow-target">
            {targetText(entry)}
          </button>
        ),
    },
    { key: 'site', label: t('audit.columns.site'), render: (entry) => entry.siteName ?? '' },
  ];
}

export function AuditPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const values = filtersFromSearch(search);
  const log = useAuditLog(toApiFilters(values));
  const sites = useSites();
  const entries = log.data?.pages.flatMap((page) => page.entries) ?? [];
  const targetText = useTargetText();
  // The names shown for an active person or target filter: remembered from the row that was followed.
  const [followed, setFollowed] = useState<{ person?: string; target?: string }>({});
  const apply = (next: AuditFilterValues): void => setSearch(filtersToSearch(next));
  const columns = useColumns({
    person: (entry) => {
      setFollowed((known) => ({ ...known, person: entry.actorName ?? '' }));
      apply({ ...values, actorId: entry.actorId ?? '' });
    },
    target: (entry) => {
      setFollowed((known) => ({ ...known, target: targetText(entry) }));
      apply({ ...values, target: targetKey(entry.resourceType, entry.resourceId ?? '') });
    },
  });

  return (
    <>
      <PageHeading>{t('audit.title')}</PageHeading>
      <Paragraph mb="m">{t('audit.intro')}</Paragraph>
      {/* What following a row's person or target does, read out with each such button. */}
      <p id="audit-follow-person" className="visually-hidden">{t('audit.follow.person')}</p>
      <p id="audit-follow-target" className="visually-hidden">{t('audit.follow.target')}</p>
      <AuditFilterForm key={search.toString()} initial={values} sites={sites.data ?? []} onApply={(next) => apply({ ...next, actorId: values.actorId, target: values.target })} />
      <ActiveFollows
        person={values.actorId === '' ? null : (followed.person ?? entries[0]?.actorName ?? values.actorId)}
        target={values.target === '' ? null : (followed.target ?? (entries[0] ? targetText(entries[0]) : values.target))}
        onRemove={(which) => apply({ ...values, ...(which === 'person' ? { actorId: '' } : { target: '' }) })}
      />
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
