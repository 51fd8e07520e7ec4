import { lazy, Suspense } from 'react';
import { Outlet } from 'react-router';
import type { Role } from '../../domain/org';
import { useSession } from '../api/auth';
import { hasRole } from '../common/labels';

// The refusal uses the design system; it loads only when shown, so the first route carries none of it.
const Forbidden = lazy(() => import('./forbidden').then((m) => ({ default: m.Forbidden })));

type RequireRoleProps = { roles: Role[] };

/** The server enforces access; this only spares users a page that would fail. */
export function RequireRole({ roles }: RequireRoleProps) {
  const session = useSession();
  if (session.data && hasRole(session.data.user.roles, ...roles)) return <Outlet />;
  return (
    <Suspense fallback={null}>
      <Forbidden />
    </Suspense>
  );
}
