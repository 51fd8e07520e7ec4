import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { LoginPage } from './auth/login-page';
import { RequireAuth } from './auth/require-auth';
import { RequireRole } from './auth/require-role';
import { AppLayout } from './layout/app-layout';
import { NotFoundPage } from './layout/not-found-page';

// Pages behind sign-in load on demand, so the sign-in page stays small on a slow phone.
const HomePage = lazy(() => import('./home/home-page').then((m) => ({ default: m.HomePage })));
const SitesPage = lazy(() => import('./sites/sites-page').then((m) => ({ default: m.SitesPage })));
const SiteCreatePage = lazy(() => import('./sites/site-create-page').then((m) => ({ default: m.SiteCreatePage })));
const SiteEditPage = lazy(() => import('./sites/site-edit-page').then((m) => ({ default: m.SiteEditPage })));
const UsersPage = lazy(() => import('./users/users-page').then((m) => ({ default: m.UsersPage })));
const UserCreatePage = lazy(() => import('./users/user-create-page').then((m) => ({ default: m.UserCreatePage })));
const UserEditPage = lazy(() => import('./users/user-edit-page').then((m) => ({ default: m.UserEditPage })));
const AuditPage = lazy(() => import('./audit/audit-page').then((m) => ({ default: m.AuditPage })));
const EncounterNewPage = lazy(() =>
  import('./encounters/encounter-new-page').then((m) => ({ default: m.EncounterNewPage })),
);
const EncountersPage = lazy(() => import('./encounters/encounters-page').then((m) => ({ default: m.EncountersPage })));
const DaylogPage = lazy(() => import('./daylog/daylog-page').then((m) => ({ default: m.DaylogPage })));
const ChangePasswordPage = lazy(() =>
  import('./auth/change-password-page').then((m) => ({ default: m.ChangePasswordPage })),
);

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route path="login" element={<LoginPage />} />
        <Route element={<RequireAuth />}>
          <Route index element={<HomePage />} />
          <Route path="account/password" element={<ChangePasswordPage />} />
          <Route element={<RequireRole roles={['administrator']} />}>
            <Route path="admin/sites" element={<SitesPage />} />
            <Route path="admin/sites/new" element={<SiteCreatePage />} />
            <Route path="admin/sites/:siteId" element={<SiteEditPage />} />
            <Route path="admin/users" element={<UsersPage />} />
            <Route path="admin/users/new" element={<UserCreatePage />} />
            <Route path="admin/users/:userId" element={<UserEditPage />} />
          </Route>
          <Route element={<RequireRole roles={['professional']} />}>
            <Route path="encounters" element={<EncountersPage />} />
            <Route path="encounters/new" element={<EncounterNewPage />} />
          </Route>
          <Route element={<RequireRole roles={['daycentre_staff']} />}>
            <Route path="daylog" element={<DaylogPage />} />
          </Route>
          <Route element={<RequireRole roles={['auditor', 'administrator']} />}>
            <Route path="audit" element={<AuditPage />} />
          </Route>
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
    </Routes>
  );
}
