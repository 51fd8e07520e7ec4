import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Locale } from '../../domain/org';
import { openKiosk } from './api';
import { useFlowLocale } from './flow-locale';
import { FlowChrome } from './flow-chrome';
import { clearKioskToken, forgetStaffSession, readKioskToken } from './kiosk-device';
import { KioskLeave } from './kiosk-leave';
import { LanguageButtons } from './language-buttons';
import { OpeningBody } from './opening-body';
import { problemOf } from './outcomes';
import { useOpening } from './use-opening';

/** A sheet left half-answered goes back to the start after this long without a touch. */
const IDLE_RESET_MS = 3 * 60_000;

/** The tablet in kiosk mode (/kiosk): no sign-in, only the kiosk token this device keeps. */
export function KioskPage() {
  const [token] = useState(readKioskToken);
  return token === null ? <NotUnlocked /> : <Kiosk token={token} />;
}

function NotUnlocked() {
  const { t } = useTranslation();
  return (
    <FlowChrome kind="kiosk" place={null}>
      <section className="fc-screen" data-kiosk-state="locked">
        <h1 className="fc-title">{t('feedbackCollect.kiosk.lockedTitle')}</h1>
        <p className="fc-intro">{t('feedbackCollect.kiosk.lockedBody')}</p>
        <Link to="/login" className="fc-button fc-button--wide fc-button--link">
          {t('feedbackCollect.kiosk.signIn')}
        </Link>
      </section>
    </FlowChrome>
  );
}

function Kiosk({ token }: { token: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  // A kiosk device holds no staff session: the server ended it at unlocking, and the app forgets it
  // here with everything cached for the staff member, so no staff page can show from memory.
  useEffect(() => forgetStaffSession(queryClient), [queryClient]);
  const open = useCallback(() => openKiosk(token), [token]);
  const { opening, reopen } = useOpening(open);
  const opened = opening.status === 'open' ? opening.opened : null;
  const { locale, changeLocale, appLocale } = useFlowLocale(opening.opened?.form.locales ?? null, false);
  // The kiosk's own language, which each next person starts in.
  const homeLocale = useRef<Locale>(appLocale);
  const [startNow, setStartNow] = useState(false);
  const [isLeaving, setLeaving] = useState(false);
  const touched = useRef(false);

  const fresh = useCallback(
    (now: boolean) => {
      setStartNow(now);
      if (!now) changeLocale(homeLocale.current);
      touched.current = false;
      reopen();
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [reopen],
  );

  // A person who walks away mid-form: after a while the next person gets a clean start.
  useEffect(() => {
    let last = Date.now();
    const mark = () => {
      last = Date.now();
      touched.current = true;
    };
    const timer = window.setInterval(() => {
      if (touched.current && Date.now() - last > IDLE_RESET_MS) fresh(false);
    }, 15_000);
    window.addEventListener('pointerdown', mark);
    window.addEventListener('keydown', mark);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('pointerdown', mark);
      window.removeEventListener('keydown', mark);
    };
  }, [fresh]);

  const problem = opening.status === 'failed' ? problemOf(opening.error) : null;
  // A kiosk the server no longer knows or keeps open is over on this device.
  const isOver = problem === 'unknown' || problem === 'closed' || problem === 'expired';
  useEffect(() => {
    if (isOver) clearKioskToken();
  }, [isOver]);

  const formLocales = opening.opened?.form.locales ?? [];
  return (
    <FlowChrome
      kind="kiosk"
      place={opening.opened?.context.siteName ?? null}
      tools={opened && formLocales.length > 1 && !isLeaving ? <LanguageButtons locales={formLocales} locale={locale} onLocale={changeLocale} /> : undefined}
      footer={
        isOver || isLeaving ? undefined : (
          <button type="button" className="fc-staff-button" id="fc-kiosk-leave" onClick={() => setLeaving(true)}>
            {t('feedbackCollect.kiosk.leave')}
          </button>
        )
      }
    >
      {isLeaving && <KioskLeave token={token} onCancel={() => setLeaving(false)} />}
      <div hidden={isLeaving} data-kiosk-state={problem ?? opening.status}>
        <OpeningBody
          channel="kiosk"
          opening={opening}
          problem={problem}
          canRetry={!isOver}
          otherwise={
            <Link to="/login" className="fc-button fc-button--wide fc-button--link">
              {t('feedbackCollect.kiosk.signIn')}
            </Link>
          }
          locale={locale}
          onLocale={changeLocale}
          onFresh={fresh}
          startNow={startNow}
        />
      </div>
    </FlowChrome>
  );
}
