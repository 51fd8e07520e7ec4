import { type MouseEvent, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { SkipLink } from 'suomifi-ui-components';
import { useSession } from '../api/auth';
import { ErrorAlert } from '../common/error-alert';
import { Loading } from '../common/loading';
import { useProfileLocale } from '../i18n/use-locale';
import { OutboxStatus } from '../offline/outbox-status';
import { AppHeader } from './app-header';

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
      <SkipLink href={`#${mainId}`} onClick={skipToMain}>
        {t('layout.skipToContent')}
      </SkipLink>
      <AppHeader me={me} />
      <main id={mainId} className="app-main" tabIndex={-1}>
        {session.isPending && <Loading />}
        {session.isError && <ErrorAlert error={session.error} />}
        {session.data && <OutboxStatus />}
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
