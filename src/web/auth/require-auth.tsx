import { Navigate, Outlet, useLocation } from 'react-router';
import { useSession, wasSignedOut } from '../api/auth';

/** Renders the nested routes for a signed-in user; anyone else goes to /login and comes back after. */
export function RequireAuth() {
  const session = useSession();
  const location = useLocation();
  if (!session.data) {
    if (wasSignedOut()) return <Navigate to="/login" replace />;
    const from = `${location.pathname}${location.search}`;
    return <Navigate to="/login" replace state={{ from }} />;
  }
  return <Outlet />;
}
