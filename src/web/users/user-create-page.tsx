import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useSession } from '../api/auth';
import { useCreateUser } from '../api/users';
import { AppLink } from '../common/app-link';
import { ErrorAlert } from '../common/error-alert';
import { Loading } from '../common/loading';
import type { Notice } from '../common/notice';
import { PageHeading } from '../common/page-heading';
import { useUserFormData } from './use-user-form-data';
import { emptyUser } from './user-form-values';
import { UserForm } from './user-form';

export function UserCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const session = useSession();
  const create = useCreateUser();
  const data = useUserFormData();
  const regionId = session.data?.user.regionId ?? '';

  return (
    <div className="form-page">
      <AppLink to="/admin/users" className="back-link">{t('users.backToList')}</AppLink>
      <PageHeading>{t('users.createTitle')}</PageHeading>
      {data.isPending && <Loading />}
      {data.error && <ErrorAlert error={data.error} />}
      {data.sites && data.units && (
        <UserForm
          initial={emptyUser()}
          isCreate
          sites={data.sites}
          units={data.units}
          isPending={create.isPending}
          error={create.error}
          onSubmit={({ isActive: _isActive, ...payload }) =>
            create.mutate(
              { ...payload, regionId },
              { onSuccess: (user) => void navigate('/admin/users', { state: { notice: 'userCreated', name: user.displayName } satisfies Notice }) },
            )
          }
        />
      )}
    </div>
  );
}
