import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { PRINCIPAL_SIGN_IN_PATH } from '../../domain/principal-paths';
import { PublicLayout } from '../announcements/public-layout';
import { ErrorAlert } from '../common/error-alert';
import { Loading } from '../common/loading';
import { usePageHeading } from '../common/use-page-heading';
import { principalApi, principalSessionKey, usePrincipalSession } from '../principal/api';
import '../auth/login-page.css';

/**
 * A stand-in for the client's own pages at /oma (built separately, replaced at merge): who is signed
 * in, and signing out. Without a session it sends the person to the sign-in page.
 */
export function OwnHomePlaceholder() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const session = usePrincipalSession();
  const [signOutError, setSignOutError] = useState<unknown>(null);
  const headingRef = usePageHeading(t('principalSignIn.ownTitle'));
  if (session.isPending) return <PublicLayout><Loading /></PublicLayout>;
  if (session.isError) return <PublicLayout><ErrorAlert error={session.error} /></PublicLayout>;
  if (!session.data) return <Navigate to={PRINCIPAL_SIGN_IN_PATH} replace />;

  const signOut = async () => {
    try {
      await principalApi.signOut();
      queryClient.setQueryData(principalSessionKey, null);
      void navigate(PRINCIPAL_SIGN_IN_PATH);
    } catch (error) {
      setSignOutError(error);
    }
  };

  return (
    <PublicLayout>
      <div className="narrow-page">
        <h1 ref={headingRef} tabIndex={-1} className="page-heading login-heading">
          {t('principalSignIn.ownTitle')}
        </h1>
        {signOutError !== null && <ErrorAlert error={signOutError} />}
        <p className="login-intro" id="own-signed-in-as">{t('principalSignIn.signedInAs', { name: session.data.principal.displayName })}</p>
        <button type="button" id="own-sign-out" className="login-button" onClick={() => void signOut()}>
          {t('principalSignIn.signOut')}
        </button>
      </div>
    </PublicLayout>
  );
}
