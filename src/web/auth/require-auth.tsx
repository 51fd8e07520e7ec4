import { Navigate, Outlet, useLocation } from 'react-router';
import { useSession } from '../api/auth';
import { lastSessionEnd } from '../api/session-end';
import { NoRightsPage } from './no-rights-page';

/** Renders the nested routes for a signed-in user; anyone else goes to /login and comes back after. */
export function RequireAuth() {
  const session = useSession();
  const location = useLocation();
  if (!session.data) {
    const end = lastSessionEnd();
    if (end === 'signed_out') return <Navigate to="/login" replace />;
    const from = `${location.pathname}${location.search}`;
    return <Navigate to="/login" replace state={{ from, isExpired: end === 'expired' }} />;
  }
  // Signed in but without a single role (the organisation's groups gave none): every page would only refuse.
  if (session.data.user.roles.length === 0) return <NoRightsPage me={session.data.user} />;
  return <Outlet />;
}
