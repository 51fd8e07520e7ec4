import type { MouseEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SkipLink } from 'suomifi-ui-components';
import { LanguageSwitcher } from '../layout/language-switcher';
import './public-layout.css';

const mainId = 'main-content';

function skipToMain(event: MouseEvent<HTMLAnchorElement>): void {
  // Move focus without a hash change, which the router would treat as a navigation.
  event.preventDefault();
  document.getElementById(mainId)?.focus();
}

/**
 * The frame of the pages anyone may open without signing in (announcements, poster, slip
 * confirmation): the app's name and the language menu, no navigation and nothing about a user.
 * None of it is printed.
 */
export function PublicLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="app public-page">
      <SkipLink href={`#${mainId}`} onClick={skipToMain} className="no-print">
        {t('layout.skipToContent')}
      </SkipLink>
      <header className="app-header no-print">
        <div className="app-header__bar">
          <span className="app-brand">
            <span className="app-brand__name">{t('app.name')}</span>
            <span className="app-brand__tagline">{t('app.tagline')}</span>
          </span>
          <LanguageSwitcher />
        </div>
      </header>
      <main id={mainId} className="app-main public-main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
