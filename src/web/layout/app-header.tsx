import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Me } from '../../domain/api-types';

// The language menu brings the design system's popover and floating-ui (about 12 KiB gzipped): it loads
// just after the first paint instead of holding up the sign-in page.
const LanguageSwitcher = lazy(() => import('./language-switcher').then((m) => ({ default: m.LanguageSwitcher })));
// The menu is for signed-in users: it loads after sign-in, not with the sign-in page.
const MainNav = lazy(() => import('./main-nav').then((m) => ({ default: m.MainNav })));

type AppHeaderProps = { me: Me | null };

export function AppHeader({ me }: AppHeaderProps) {
  const { t } = useTranslation();
  return (
    <header className="app-header">
      <div className="app-header__bar">
        <Link to="/" className="app-brand">
          <span className="app-brand__name">{t('app.name')}</span>
          <span className="app-brand__tagline">{t('app.tagline')}</span>
        </Link>
        <Suspense fallback={null}>
          <LanguageSwitcher />
        </Suspense>
      </div>
      {me && (
        <Suspense fallback={null}>
          <MainNav me={me} />
        </Suspense>
      )}
    </header>
  );
}
