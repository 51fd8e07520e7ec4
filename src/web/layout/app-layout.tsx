import { lazy, type MouseEvent, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { useSession } from '../api/auth';
import { Loading } from '../common/loading';
import { LazyErrorAlert } from '../common/shell-lazy';
import { useProfileLocale } from '../i18n/use-locale';
import { AppHeader } from './app-header';

// Shown to signed-in users only: it loads after sign-in, not with the sign-in page (see shell-lazy.tsx).
const OutboxStatus = lazy(() => import('../offline/outbox-status').then((m) => ({ default: m.OutboxStatus })));

const mainId = 'main-content';

function skipToMain(event: MouseEvent<HTMLAnchorElement>): void {
  // Move focus without a hash change, which the router would treat as a navigation.
  event.preventDefault();
  document.getElementById(mainId)?.focus();
}

export function AppLayout() {
  const { t } = useTranslation();
  const session = useSession();
  const me = session.data?.user ?? null;
  useProfileLocale(me);

  return (
    <div className="app">
      {/* The design system's skip link as plain HTML (app.css), so the first route needs none of its code. */}
      <a href={`#${mainId}`} onClick={skipToMain} className="skip-link">
        {t('layout.skipToContent')}
      </a>
      <AppHeader me={me} />
      <main id={mainId} className="app-main" tabIndex={-1}>
        {session.isPending && <Loading />}
        {session.isError && <LazyErrorAlert error={session.error} />}
        {session.data && (
          <Suspense fallback={null}>
            <OutboxStatus />
          </Suspense>
        )}
        {session.isSuccess && (
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        )}
      </main>
      <footer className="app-footer">
        <p>{t('layout.footer')}</p>
      </footer>
    </div>
  );
}
