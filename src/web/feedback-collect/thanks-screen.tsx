import { type RefObject, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** How long the kiosk shows the thanks before it is ready for the next person. */
export const KIOSK_THANKS_SECONDS = 10;

/** The thanks. On the kiosk it counts down and then opens a fresh sheet; on a phone it stays. */
export function ThanksScreen({ channel, headingRef, onNext }: { channel: 'kiosk' | 'link'; headingRef: RefObject<HTMLHeadingElement | null>; onNext: () => void }) {
  const { t } = useTranslation();
  const [left, setLeft] = useState(KIOSK_THANKS_SECONDS);
  const isKiosk = channel === 'kiosk';

  useEffect(() => {
    if (!isKiosk) return;
    if (left <= 0) {
      onNext();
      return;
    }
    const timer = window.setTimeout(() => setLeft((s) => s - 1), 1000);
    return () => window.clearTimeout(timer);
  }, [isKiosk, left, onNext]);

  return (
    <section className="fc-screen fc-screen--thanks" data-flow-screen="thanks">
      <h1 ref={headingRef} tabIndex={-1} className="fc-title">
        {t('feedbackCollect.thanks.title')}
      </h1>
      <p className="fc-intro">{t(isKiosk ? 'feedbackCollect.thanks.kiosk' : 'feedbackCollect.thanks.link')}</p>
      {isKiosk && (
        <>
          <p className="fc-countdown">{t('feedbackCollect.thanks.countdown', { count: Math.max(left, 0) })}</p>
          <button type="button" className="fc-button fc-button--primary fc-button--wide" id="fc-next-person" onClick={onNext}>
            {t('feedbackCollect.thanks.nextPerson')}
          </button>
        </>
      )}
    </section>
  );
}
