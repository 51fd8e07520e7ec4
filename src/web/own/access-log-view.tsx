import { useTranslation } from 'react-i18next';
import { Button, Heading, Paragraph } from 'suomifi-ui-components';
import type { AccessLogEntry } from '../../domain/own/schemas';
import { DataTable, type Column } from '../common/data-table';
import { formatDateTime } from '../common/date-format';
import { ErrorAlert } from '../common/error-alert';
import { professionLabel, roleLabel } from '../common/labels';
import { Loading } from '../common/loading';
import { useLocale } from '../i18n/use-locale';
import { useAccessLog } from './api';

/**
 * "Who has looked at your data" (Client Data Act 703/2023 § 11): when, who, in what role, what. The
 * client's own visits are not listed; the page says so.
 */
export function AccessLogView({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const log = useAccessLog(clientId);
  const rows = log.data?.pages.flatMap((page) => page.entries) ?? [];
  const roleOf = (entry: AccessLogEntry): string => {
    if (entry.who.kind === 'external') return t('own.log.external');
    if (entry.who.profession) return professionLabel(t, entry.who.profession);
    return entry.who.roles.map((role) => roleLabel(t, role)).join(', ');
  };
  const columns: Column<AccessLogEntry>[] = [
    { key: 'at', label: t('own.log.when'), render: (e) => <time dateTime={e.at}>{formatDateTime(e.at, locale)}</time> },
    { key: 'who', label: t('own.log.who'), render: (e) => e.who.name },
    { key: 'role', label: t('own.log.role'), render: roleOf },
    { key: 'what', label: t('own.log.what'), render: (e) => t(`own.log.kind.${e.what}`) },
  ];
  return (
    <section className="own-section" aria-labelledby="own-log-heading">
      <Heading variant="h2" id="own-log-heading">{t('own.log.heading')}</Heading>
      <Paragraph mb="s">{t('own.log.intro')}</Paragraph>
      <Paragraph mb="m">{t('own.log.ownNotShown')}</Paragraph>
      {log.isPending && <Loading />}
      {log.isError && <ErrorAlert error={log.error} />}
      {log.isSuccess && rows.length === 0 && <Paragraph>{t('own.log.empty')}</Paragraph>}
      {rows.length > 0 && <DataTable caption={t('own.log.caption')} columns={columns} rows={rows} rowKey={(e) => e.id} />}
      {log.hasNextPage && (
        <Button variant="secondary" className="no-print" disabled={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()}>
          {t('own.log.more')}
        </Button>
      )}
    </section>
  );
}
