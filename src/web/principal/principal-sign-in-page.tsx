import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { browserSupportsWebAuthn, startAuthentication, startRegistration } from '@simplewebauthn/browser';
import { PRINCIPAL_HOME_PATH, type PrincipalSessionInfo } from '../../domain/invitations';
import { PublicLayout } from '../announcements/public-layout';
import { LoginField } from '../auth/login-field';
import { usePageHeading } from '../common/use-page-heading';
import { principalApi, principalSessionKey, usePrincipalSession } from './api';
import { signInErrorText } from './sign-in-error';
import '../auth/login-page.css';
import './principal-sign-in.css';

type Mode = 'sign-in' | 'redeem-code' | 'redeem-choose';

/** A code given in the card's QR link (`/asiakas#koodi=…`): the fragment never reaches the server. */
function codeFromHash(): string {
  const match = /koodi=([0-9A-Za-z-]+)/.exec(window.location.hash);
  return match ? match[1]! : '';
}

const PIN_PATTERN = /^\d{6,12}$/;

/**
 * Where clients and external members sign in, without bank ID: a passkey, or the invitation card's code
 * and a PIN. A new card's code is taken into use here once, with a passkey or a PIN. The page is public
 * and plain (like the staff sign-in page); a successful sign-in goes to the person's own pages.
 */
export function PrincipalSignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const initialCode = codeFromHash();
  const [mode, setMode] = useState<Mode>(initialCode ? 'redeem-code' : 'sign-in');
  const [code, setCode] = useState(initialCode);
  const [pin, setPin] = useState('');
  const [pinAgain, setPinAgain] = useState('');
  const [fieldErrors, setFieldErrors] = useState<{ code?: string; pin?: string; pinAgain?: string }>({});
  const [error, setError] = useState<unknown>(null);
  const [isBusy, setBusy] = useState(false);
  const heading = mode === 'sign-in' ? t('principalSignIn.title') : t('principalSignIn.redeemTitle');
  const headingRef = usePageHeading(heading);
  const hasWebAuthn = browserSupportsWebAuthn();
  const session = usePrincipalSession();

  const run = async (action: () => Promise<PrincipalSessionInfo | void>, after?: () => void): Promise<void> => {
    setError(null);
    setBusy(true);
    try {
      const session = await action();
      if (session) {
        queryClient.setQueryData(principalSessionKey, session);
        // The own pages ask for their session afresh: an answer from before this sign-in (none) must not send the person back here.
        queryClient.removeQueries({ queryKey: ['own'] });
        void navigate(PRINCIPAL_HOME_PATH);
      } else after?.();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const go = (next: Mode) => {
    setMode(next);
    setError(null);
    setFieldErrors({});
  };

  const signInWithPasskey = () =>
    run(async () => {
      const optionsJSON = await principalApi.signInOptions();
      return principalApi.signInWithPasskey(await startAuthentication({ optionsJSON }));
    });

  const signInWithPin = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next = { code: code.trim() === '' ? t('principalSignIn.codeRequired') : undefined, pin: pin === '' ? t('principalSignIn.pinRequired') : undefined };
    setFieldErrors(next);
    if (next.code || next.pin) return;
    void run(() => principalApi.signInWithPin(code, pin));
  };

  // Step 1 of a new card: the code is checked by asking for a passkey challenge (which also tells an
  // expired or used code at once); the challenge itself is asked for again when the passkey is made.
  const checkCode = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (code.trim() === '') {
      setFieldErrors({ code: t('principalSignIn.codeRequired') });
      return;
    }
    setFieldErrors({});
    void run(async () => {
      await principalApi.registrationOptions(code);
    }, () => go('redeem-choose'));
  };

  const redeemWithPasskey = () =>
    run(async () => {
      const optionsJSON = await principalApi.registrationOptions(code);
      return principalApi.register(code, await startRegistration({ optionsJSON }));
    });

  const redeemWithPin = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next = {
      pin: PIN_PATTERN.test(pin) ? undefined : t('principalSignIn.errors.pinFormat'),
      pinAgain: pin === pinAgain ? undefined : t('principalSignIn.pinMismatch'),
    };
    setFieldErrors(next);
    if (next.pin || next.pinAgain) return;
    void run(() => principalApi.redeemWithPin(code, pin));
  };

  // Someone already signed in (another tab, or back here by the browser's back button) goes on to their pages.
  if (session.data && !isBusy) return <Navigate to={PRINCIPAL_HOME_PATH} replace />;

  const alert = error !== null && (
    <div className="login-alert login-alert--error" role="alert" id="principal-error">
      <strong className="login-alert__label">{t('errors.title')}</strong> {signInErrorText(t, error)}
    </div>
  );
  const codeField = (
    <LoginField
      id="principal-code"
      label={t('principalSignIn.code')}
      autoComplete="off"
      autoCapitalize="characters"
      spellCheck={false}
      value={code}
      onChange={setCode}
      error={fieldErrors.code}
    />
  );

  return (
    <PublicLayout>
      <div className="narrow-page principal-sign-in" data-mode={mode}>
        <h1 ref={headingRef} tabIndex={-1} className="page-heading login-heading">
          {heading}
        </h1>
        {alert}
        {mode === 'sign-in' && (
          <>
            <p className="login-intro">{t('principalSignIn.intro')}</p>
            {hasWebAuthn && (
              <section aria-labelledby="principal-passkey-heading" className="principal-section">
                <h2 id="principal-passkey-heading">{t('principalSignIn.passkeyHeading')}</h2>
                <button type="button" id="principal-passkey-sign-in" className="login-button" disabled={isBusy} onClick={() => void signInWithPasskey()}>
                  {t('principalSignIn.passkeySignIn')}
                </button>
              </section>
            )}
            <section aria-labelledby="principal-pin-heading" className="principal-section">
              <h2 id="principal-pin-heading">{t('principalSignIn.pinHeading')}</h2>
              <form onSubmit={signInWithPin} noValidate className="form-stack">
                {codeField}
                <LoginField id="principal-pin" type="password" inputMode="numeric" label={t('principalSignIn.pin')} autoComplete="current-password" value={pin} onChange={setPin} error={fieldErrors.pin} />
                <div>
                  <button type="submit" className="login-button" disabled={isBusy}>
                    {t('principalSignIn.pinSignIn')}
                  </button>
                </div>
              </form>
            </section>
            <section aria-labelledby="principal-new-heading" className="principal-section">
              <h2 id="principal-new-heading">{t('principalSignIn.newCardHeading')}</h2>
              <p>{t('principalSignIn.newCardText')}</p>
              <button type="button" id="principal-new-card" className="login-button login-button--secondary" onClick={() => go('redeem-code')}>
                {t('principalSignIn.newCard')}
              </button>
            </section>
          </>
        )}
        {mode === 'redeem-code' && (
          <>
            <p className="login-intro">{t('principalSignIn.redeemIntro')}</p>
            <form onSubmit={checkCode} noValidate className="form-stack">
              {codeField}
              <div className="principal-actions">
                <button type="submit" id="principal-code-continue" className="login-button" disabled={isBusy}>
                  {t('principalSignIn.continue')}
                </button>
                <button type="button" className="login-button login-button--secondary" onClick={() => go('sign-in')}>
                  {t('principalSignIn.back')}
                </button>
              </div>
            </form>
          </>
        )}
        {mode === 'redeem-choose' && (
          <>
            <p className="login-intro">{t('principalSignIn.chooseIntro')}</p>
            {hasWebAuthn && (
              <section aria-labelledby="principal-make-passkey-heading" className="principal-section">
                <h2 id="principal-make-passkey-heading">{t('principalSignIn.makePasskeyHeading')}</h2>
                <p>{t('principalSignIn.makePasskeyText')}</p>
                <button type="button" id="principal-make-passkey" className="login-button" disabled={isBusy} onClick={() => void redeemWithPasskey()}>
                  {t('principalSignIn.makePasskey')}
                </button>
              </section>
            )}
            <section aria-labelledby="principal-set-pin-heading" className="principal-section">
              <h2 id="principal-set-pin-heading">{t('principalSignIn.setPinHeading')}</h2>
              <p>{t('principalSignIn.setPinText')}</p>
              <form onSubmit={redeemWithPin} noValidate className="form-stack">
                <LoginField id="principal-new-pin" type="password" inputMode="numeric" label={t('principalSignIn.newPin')} autoComplete="new-password" value={pin} onChange={setPin} error={fieldErrors.pin} />
                <LoginField id="principal-new-pin-again" type="password" inputMode="numeric" label={t('principalSignIn.newPinAgain')} autoComplete="new-password" value={pinAgain} onChange={setPinAgain} error={fieldErrors.pinAgain} />
                <div>
                  <button type="submit" id="principal-set-pin" className="login-button" disabled={isBusy}>
                    {t('principalSignIn.setPin')}
                  </button>
                </div>
              </form>
            </section>
          </>
        )}
      </div>
    </PublicLayout>
  );
}
