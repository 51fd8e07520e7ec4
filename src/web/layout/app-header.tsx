import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Me } from '../../domain/api-types';
import { LanguageSwitcher } from './language-switcher';
import { MainNav } from './main-nav';

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
        <LanguageSwitcher />
      </div>
      {me && <MainNav me={me} />}
    </header>
  );
}
