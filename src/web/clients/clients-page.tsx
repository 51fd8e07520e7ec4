import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Paragraph, TextInput } from 'suomifi-ui-components';
import { registerOf } from '../../domain/org';
import { useSession } from '../api/auth';
import { useCan } from '../auth/use-abilities';
import { AppLink } from '../common/app-link';
import { ButtonLink } from '../common/button-link';
import { type Column, DataTable } from '../common/data-table';
import { formatDate } from '../common/date-format';
import { ErrorAlert } from '../common/error-alert';
import { Loading } from '../common/loading';
import { PageHeading } from '../common/page-heading';
import { useLocale } from '../i18n/use-locale';
import { type ClientSummary, useClients } from './api';
import { visibleClients } from './client-list';
import { DeadlineBadge } from './deadline-badge';
import './clients.css';

/**
 * The worker's clients: own clients first, then those of their care teams, searchable by name. The
 * identity code shows only masked; the search runs in the browser over the list the server already
 * allowed, so no name or code goes into a URL.
 */
export function ClientsPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const clients = useClients();
  const profession = useSession().data?.user.profession ?? null;
  // The social-welfare register is kept by its own professions: a nurse (health register) works on a
  // client's care team but does not register clients (the server refuses; the link is not offered).
  const mayCreate = useCan('client.create') && profession !== null && registerOf(profession) === 'social';
  const [query, setQuery] = useState('');
  const shown = visibleClients(clients.data ?? [], query);

  const columns: Column<ClientSummary>[] = [
    { key: 'name', label: t('clients.list.columns.name'), render: (c) => <AppLink to={`/clients/${c.id}`}>{c.name}</AppLink> },
    { key: 'code', label: t('clients.list.columns.code'), render: (c) => (c.identityCodeMasked === null ? t('clients.list.noCode') : <span className="client-code">{c.identityCodeMasked}</span>) },
    { key: 'state', label: t('clients.list.columns.state'), render: (c) => (c.state === null ? t('clients.list.noProcess') : t(`clients.states.${c.state}`)) },
    {
      key: 'next',
      label: t('clients.list.columns.next'),
      render: (c) =>
        c.nextDeadline === null ? t('clients.list.noDeadline') : (
          <span>
            {formatDate(c.nextDeadline.dueOn, locale)} <DeadlineBadge status={c.nextDeadline.status} />
          </span>
        ),
    },
    { key: 'relation', label: t('clients.list.columns.relation'), render: (c) => (c.isOwnClient ? t('clients.list.own') : t('clients.list.team')) },
  ];

  return (
    <>
      <PageHeading>{t('clients.list.title')}</PageHeading>
      <Paragraph mb="m">{t('clients.list.intro')}</Paragraph>
      {mayCreate && (
        <p className="clients__new">
          <ButtonLink to="/clients/new">{t('clients.list.new')}</ButtonLink>
        </p>
      )}
      {clients.isPending && <Loading />}
      {clients.isError && <ErrorAlert error={clients.error} />}
      {clients.data && clients.data.length === 0 && <Paragraph>{t('clients.list.empty')}</Paragraph>}
      {clients.data && clients.data.length > 0 && (
        <>
          <div role="search" className="clients__search">
            <TextInput id="clients-search" labelText={t('clients.list.search')} hintText={t('clients.list.searchHint')} value={query} onChange={(v) => setQuery(String(v ?? ''))} autoComplete="off" />
          </div>
          <p className="clients__count" role="status">{t('clients.list.shown', { count: shown.length })}</p>
          {shown.length === 0 ? <Paragraph>{t('clients.list.noMatches')}</Paragraph> : <DataTable caption={t('clients.list.caption')} columns={columns} rows={shown} rowKey={(c) => c.id} />}
        </>
      )}
    </>
  );
}
