import { useTranslation } from 'react-i18next';
import { Paragraph } from 'suomifi-ui-components';
import type { SiteView, UserView } from '../../domain/api-types';
import { useSites } from '../api/org';
import { useUsers } from '../api/users';
import { AppLink } from '../common/app-link';
import { ButtonLink } from '../common/button-link';
import { type Column, DataTable } from '../common/data-table';
import { ErrorAlert } from '../common/error-alert';
import { assignmentLabel, professionLabel } from '../common/labels';
import { Loading } from '../common/loading';
import { NavigationNotice } from '../common/notice';
import { PageHeading } from '../common/page-heading';

function useColumns(sites: SiteView[] | undefined): Column<UserView>[] {
  const { t } = useTranslation();
  return [
    { key: 'name', label: t('users.fields.displayName'), render: (user) => <AppLink to={`/admin/users/${user.id}`}>{user.displayName}</AppLink> },
    { key: 'username', label: t('users.fields.username'), render: (user) => user.username },
    {
      key: 'roles',
      label: t('users.roles.legend'),
      render: (user) => (
        <ul className="cell-list">
          {user.roles.map((assignment) => (
            <li key={`${assignment.role}:${assignment.siteId ?? 'region'}`}>{assignmentLabel(t, assignment, sites)}</li>
          ))}
        </ul>
      ),
    },
    { key: 'profession', label: t('users.fields.profession'), render: (user) => (user.profession ? professionLabel(t, user.profession) : '') },
    { key: 'status', label: t('users.fields.status'), render: (user) => (user.isActive ? t('common.active') : t('common.inactive')) },
  ];
}

export function UsersPage() {
  const { t } = useTranslation();
  const users = useUsers();
  const sites = useSites();
  const columns = useColumns(sites.data);

  return (
    <>
      <PageHeading>{t('users.title')}</PageHeading>
      <NavigationNotice />
      <Paragraph mb="m">{t('users.intro')}</Paragraph>
      <p className="page-actions">
        <ButtonLink to="/admin/users/new">{t('users.new')}</ButtonLink>
      </p>
      {users.isPending && <Loading />}
      {users.isError && <ErrorAlert error={users.error} />}
      {users.data && (
        <DataTable caption={t('users.tableCaption')} columns={columns} rows={users.data} rowKey={(user) => user.id} />
      )}
    </>
  );
}
