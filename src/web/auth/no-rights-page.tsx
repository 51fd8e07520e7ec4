import { useTranslation } from 'react-i18next';
import type { Me } from '../../domain/api-types';
import { usePageHeading } from '../common/use-page-heading';
import './login-page.css';

/**
 * What a signed-in user without a single role sees instead of the app: typically someone who signed in
 * through the organisation whose groups give no Silta role yet (issue 18 item 4). Not an error: the
 * sign-in worked, and the page says what to do. Plain HTML in the sign-in page's look, as it is part of
 * the first route (RequireAuth).
 */
export function NoRightsPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const headingRef = usePageHeading(t('oidcSignIn.noRights.title'));
  return (
    <div className="narrow-page" data-testid="no-rights">
      <h1 ref={headingRef} tabIndex={-1} className="page-heading login-heading">
        {t('oidcSignIn.noRights.title')}
      </h1>
      <p className="login-intro">{t('oidcSignIn.noRights.body', { name: me.username })}</p>
      <p className="login-intro">{t('oidcSignIn.noRights.next')}</p>
    </div>
  );
}
