import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { Button } from 'suomifi-ui-components';
import type { Me } from '../../domain/api-types';
import { useLogout } from '../api/auth';
import { useAbilities } from '../auth/use-abilities';
import { navItemsFor } from './nav-items';

type MainNavProps = { me: Me };

/** Navigation by the user's abilities; on narrow screens it folds behind a menu button. */
export function MainNav({ me }: MainNavProps) {
  const { t } = useTranslation();
  const logout = useLogout();
  const abilities = useAbilities();
  const [isOpen, setIsOpen] = useState(false);
  const close = (): void => setIsOpen(false);
  // The guard of the page sends the signed-out user to /login once the session is gone.
  const signOut = (): void => logout.mutate();

  return (
    <nav className="main-nav" aria-label={t('nav.label')}>
      <Button
        variant="secondaryNoBorder"
        className="main-nav__toggle"
        aria-expanded={isOpen}
        aria-controls="main-nav-content"
        onClick={() => setIsOpen(!isOpen)}
      >
        {t('nav.menu')}
      </Button>
      <div id="main-nav-content" className={isOpen ? 'main-nav__content is-open' : 'main-nav__content'}>
        <ul className="main-nav__list">
          {navItemsFor(abilities).map((item) => (
            <li key={item.to}>
              <NavLink to={item.to} end={item.isEnd} className="main-nav__link" onClick={close}>
                {t(item.labelKey)}
              </NavLink>
            </li>
          ))}
        </ul>
        <div className="main-nav__user">
          <span className="main-nav__name">{t('nav.signedInAs', { name: me.displayName })}</span>
          <Button variant="secondary" onClick={signOut} disabled={logout.isPending}>
            {t('nav.signOut')}
          </Button>
        </div>
      </div>
    </nav>
  );
}
