import { useTranslation } from 'react-i18next';
import { Heading, Paragraph } from 'suomifi-ui-components';
import type { DueList } from '../../domain/clients/schemas';
import { formatDate } from '../../domain/date-format';
import { AppLink } from '../common/app-link';
import { ErrorAlert } from '../common/error-alert';
import { Loading } from '../common/loading';
import { useLocale } from '../i18n/use-locale';
import { clockLabel, clockOf } from './clock-label';
import { useDueClients } from './due-api';

type Item = DueList['items'][number];

function DueEntry({ item, clocks }: { item: Item; clocks: DueList['clocks'] }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const d = item.deadline;
  const clock = clockOf(clocks, d.clockKey);
  return (
    <li data-client={item.clientId} data-clock={d.clockKey}>
      <AppLink to={`/clients/${encodeURIComponent(item.clientId)}`}>{item.name}</AppLink>
      {' — '}
      {t('dueClients.dueOn', { day: formatDate(d.dueOn, locale) })}
      <br />
      <span className={`due-clients__clock due-clients__clock--${d.basis}`}>{clockLabel(t, { ...d, limit: clock?.limit })}</span>
    </li>
  );
}

/**
 * The worker's home: their own clients (own worker or care team) with a step overdue or due within
 * the next days, each saying which clock (statutory or local) and the due day, linked to the client.
 */
export function DueClients() {
  const { t } = useTranslation();
  const due = useDueClients(true);
  const overdue = due.data?.items.filter((i) => i.deadline.status === 'overdue') ?? [];
  const soon = due.data?.items.filter((i) => i.deadline.status === 'due_soon') ?? [];
  return (
    <section aria-labelledby="home-due-clients" className="home-section due-clients">
      <Heading variant="h2" id="home-due-clients" mb="s">
        {t('dueClients.heading')}
      </Heading>
      {due.isPending && <Loading />}
      {due.isError && <ErrorAlert error={due.error} />}
      {due.isSuccess && due.data.items.length === 0 && <Paragraph>{t('dueClients.nothingDue', { count: due.data.dueSoonDays })}</Paragraph>}
      {overdue.length > 0 && (
        <>
          <Heading variant="h3" mb="xs">
            {t('dueClients.overdueHeading', { count: overdue.length })}
          </Heading>
          <ul className="plain-list due-clients__list">
            {overdue.map((item) => (
              <DueEntry key={`${item.clientId}:${item.deadline.clockKey}`} item={item} clocks={due.data!.clocks} />
            ))}
          </ul>
        </>
      )}
      {soon.length > 0 && (
        <>
          <Heading variant="h3" mb="xs">
            {t('dueClients.dueSoonHeading', { count: soon.length, days: due.data!.dueSoonDays })}
          </Heading>
          <ul className="plain-list due-clients__list">
            {soon.map((item) => (
              <DueEntry key={`${item.clientId}:${item.deadline.clockKey}`} item={item} clocks={due.data!.clocks} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
