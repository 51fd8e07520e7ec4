import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useUpdateUser, useUser } from '../api/users';
import { AppLink } from '../common/app-link';
import { ErrorAlert } from '../common/error-alert';
import { Loading } from '../common/loading';
import type { Notice } from '../common/notice';
import { PageHeading } from '../common/page-heading';
import { ResetPasswordForm } from './reset-password-form';
import { useUserFormData } from './use-user-form-data';
import { userToValues } from './user-form-values';
import { UserForm } from './user-form';

export function UserEditPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const userId = useParams().userId ?? '';
  const user = useUser(userId);
  const update = useUpdateUser(userId);
  const data = useUserFormData();

  return (
    <div className="form-page">
      <AppLink to="/admin/users" className="back-link">{t('users.backToList')}</AppLink>
      <PageHeading>{user.data ? t('users.editTitle', { name: user.data.displayName }) : t('users.editTitleLoading')}</PageHeading>
      {(user.isPending || data.isPending) && <Loading />}
      {user.isError && <ErrorAlert error={user.error} />}
      {data.error && <ErrorAlert error={data.error} />}
      {user.data && data.sites && data.units && (
        <>
          <UserForm
            key={user.data.id}
            initial={userToValues(user.data)}
            isCreate={false}
            sites={data.sites}
            units={data.units}
            isPending={update.isPending}
            error={update.error}
            onSubmit={({ displayName, profession, unitId, roles, isActive }) =>
              update.mutate(
                { displayName, profession, unitId, roles, isActive },
                { onSuccess: (saved) => void navigate('/admin/users', { state: { notice: 'userSaved', name: saved.displayName } satisfies Notice }) },
              )
            }
          />
          <ResetPasswordForm userId={user.data.id} displayName={user.data.displayName} />
        </>
      )}
    </div>
  );
}
