import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { Paragraph } from 'suomifi-ui-components';
import type { Role } from '../../domain/org';
import { useSession } from '../api/auth';
import { hasRole } from '../common/labels';
import { PageHeading } from '../common/page-heading';

type RequireRoleProps = { roles: Role[] };

/** The server enforces access; this only spares users a page that would fail. */
export function RequireRole({ roles }: RequireRoleProps) {
  const { t } = useTranslation();
  const session = useSession();
  if (session.data && hasRole(session.data.user.roles, ...roles)) return <Outlet />;
  return (
    <>
      <PageHeading>{t('forbidden.title')}</PageHeading>
      <Paragraph>{t('forbidden.body')}</Paragraph>
    </>
  );
}
