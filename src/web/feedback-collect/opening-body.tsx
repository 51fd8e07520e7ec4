import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../domain/org';
import { AnswerFlow } from './answer-flow';
import type { Problem } from './outcomes';
import { ProblemMessage } from './problem-message';
import type { Opening } from './use-opening';

type OpeningBodyProps = {
  channel: 'kiosk' | 'link';
  opening: Opening;
  /** Why the sheet could not be opened, or null while it opens or once it is open. */
  problem: Problem | null;
  /** Whether another try can help; when it cannot, `otherwise` is offered instead (or nothing). */
  canRetry: boolean;
  otherwise?: ReactNode;
  locale: Locale;
  onLocale: (locale: Locale) => void;
  /** Opens a fresh answer sheet (a new ticket); `startNow` skips the start screen. */
  onFresh: (startNow: boolean) => void;
  startNow: boolean;
};

/**
 * What the kiosk and a visitor's phone show for one answer sheet: why it could not be opened,
 * that it is opening, or the questions themselves. The pages keep what differs: the frame, the
 * kiosk's idle reset and leaving, and the state attribute the tests read.
 */
export function OpeningBody({ channel, opening, problem, canRetry, otherwise, locale, onLocale, onFresh, startNow }: OpeningBodyProps) {
  const { t } = useTranslation();
  if (problem === 'paused') return <PausedScreen channel={channel} canRetry={canRetry} onRetry={() => onFresh(false)} />;
  if (problem !== null) {
    return (
      <section className="fc-screen">
        <h1 className="fc-title">{channel === 'kiosk' ? t('feedbackCollect.kiosk.problemTitle') : t('feedbackCollect.link.problemTitle')}</h1>
        <ProblemMessage problem={problem} during="open" channel={channel} />
        {canRetry ? (
          <button type="button" className="fc-button fc-button--primary fc-button--wide" onClick={() => onFresh(false)}>
            {t('feedbackCollect.tryAgain')}
          </button>
        ) : (
          otherwise
        )}
      </section>
    );
  }
  if (opening.status !== 'open') {
    return (
      <p className="fc-loading" role="status">
        {t('feedbackCollect.opening')}
      </p>
    );
  }
  const { opened } = opening;
  return <AnswerFlow key={opened.ticket} opened={opened} channel={channel} locale={locale} onLocale={onLocale} onFresh={onFresh} startNow={startNow} />;
}

/** A paused link or kiosk is not an error for the visitor: a kind word, and another try for later. */
function PausedScreen({ channel, canRetry, onRetry }: { channel: 'kiosk' | 'link'; canRetry: boolean; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <section className="fc-screen" data-problem="paused">
      <h1 className="fc-title">{t('feedbackCollect.link.pausedTitle')}</h1>
      <p>{channel === 'kiosk' ? t('feedbackCollect.link.kioskPausedBody') : t('feedbackCollect.link.pausedBody')}</p>
      {canRetry && (
        <button type="button" className="fc-button fc-button--wide" onClick={onRetry}>
          {t('feedbackCollect.tryAgain')}
        </button>
      )}
    </section>
  );
}
