import type { MouseEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, SkipLink } from 'suomifi-ui-components';
import { ErrorAlert } from '../common/error-alert';
import { LanguageSwitcher } from '../layout/language-switcher';
import type { OwnSession } from '../../domain/own/schemas';
import { useOwnSignOut } from './api';
import './own.css';

const mainId = 'main-content';

function skipToMain(event: MouseEvent<HTMLAnchorElement>): void {
  // Move focus without a hash change, which the router would treat as a navigation.
  event.preventDefault();
  document.getElementById(mainId)?.focus();
}

/**
 * The frame of a client's or external member's own pages: the app's name, the language menu, who is
 * signed in and signing out. No staff navigation. Only the content is printed.
 */
export function OwnLayout({ session, children }: { session: OwnSession; children: ReactNode }) {
  const { t } = useTranslation();
  const signOut = useOwnSignOut(session.csrfToken);
  return (
    <div className="app own-page">
      <SkipLink href={`#${mainId}`} onClick={skipToMain} className="no-print">
        {t('layout.skipToContent')}
      </SkipLink>
      <header className="app-header no-print">
        <div className="app-header__bar">
          <span className="app-brand">
            <span className="app-brand__name">{t('app.name')}</span>
          </span>
          <LanguageSwitcher />
        </div>
        <div className="own-page__who">
          <span id="own-signed-in-as">{t('own.signedInAs', { name: session.displayName })}</span>
          <Button variant="secondary" id="own-sign-out" disabled={signOut.isPending} onClick={() => signOut.mutate()}>
            {t('own.signOut')}
          </Button>
        </div>
      </header>
      <main id={mainId} className="app-main own-main" tabIndex={-1}>
        {signOut.isError && <ErrorAlert error={signOut.error} />}
        {children}
      </main>
    </div>
  );
}
