import { useTranslation } from 'react-i18next';
import type { Problem } from './outcomes';

/**
 * Why opening or sending failed, in plain words. `during` picks the wording: a link or kiosk that
 * cannot be opened, or answers that could not be sent.
 */
export function ProblemMessage({ problem, during, channel = 'link' }: { problem: Problem; during: 'open' | 'send'; channel?: 'kiosk' | 'link' }) {
  const { t } = useTranslation();
  const key = during === 'send' ? `feedbackCollect.problem.send.${problem}` : `feedbackCollect.problem.${channel}.${problem}`;
  return (
    <div className="fc-problem" role="alert" data-problem={problem}>
      <p className="fc-problem__title">{t('feedbackCollect.problem.title')}</p>
      <p>{t(key as 'feedbackCollect.problem.title')}</p>
    </div>
  );
}
