import { useMutation } from '@tanstack/react-query';
import { useEffect, useReducer, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpenedForm } from '../../domain/feedback';
import type { Locale } from '../../domain/org';
import { sendAnswers } from './api';
import { LanguageButtons } from './language-buttons';
import { problemOf } from './outcomes';
import { ProblemMessage } from './problem-message';
import { formText, QuestionInput } from './question-inputs';
import { type FlowState, flowStep, initialFlow, toAnswers } from './steps';
import { ThanksScreen } from './thanks-screen';

type AnswerFlowProps = {
  opened: OpenedForm;
  channel: 'kiosk' | 'link';
  locale: Locale;
  onLocale: (locale: Locale) => void;
  /** Opens a fresh answer sheet (a new ticket); `startNow` skips the start screen. */
  onFresh: (startNow: boolean) => void;
  /** Begin at the first question (after a fresh sheet was opened for a waiting person). */
  startNow?: boolean;
};

/** The tickets a fresh sheet is taken for before starting: one about to run out would fail at Send. */
const TICKET_MARGIN_MS = 20 * 60_000;

/**
 * Start screen, one question per screen, a Send step and the thanks: the same flow on the kiosk and
 * on a visitor's phone. Each sheet (ticket) gets a fresh instance, so no answer carries over.
 */
export function AnswerFlow({ opened, channel, locale, onLocale, onFresh, startNow = false }: AnswerFlowProps) {
  const { t } = useTranslation();
  const items = opened.form.items;
  const [state, dispatch] = useReducer((s: FlowState, a: Parameters<typeof flowStep>[2]) => flowStep(items, s, a), startNow ? flowStep(items, initialFlow, { type: 'start' }) : initialFlow);
  const send = useMutation({ mutationFn: () => sendAnswers(opened.ticket, locale, toAnswers(items, state.answers)), onSuccess: () => dispatch({ type: 'sent' }) });
  const headingRef = useRef<HTMLHeadingElement>(null);
  const screenKey = state.screen === 'question' ? `q${state.index}` : state.screen;

  // Each new screen starts at its heading, for screen readers and keyboards alike.
  const isFirstScreen = useRef(true);
  useEffect(() => {
    if (isFirstScreen.current && !startNow) {
      isFirstScreen.current = false;
      return;
    }
    headingRef.current?.focus();
  }, [screenKey, startNow]);

  const start = () => {
    if (Date.parse(opened.ticketExpiresAt) - Date.now() < TICKET_MARGIN_MS) onFresh(true);
    else dispatch({ type: 'start' });
  };

  if (state.screen === 'thanks') return <ThanksScreen channel={channel} headingRef={headingRef} onNext={() => onFresh(false)} />;

  if (state.screen === 'start') {
    const intro = formText(opened.form.intro, locale);
    return (
      <section className="fc-screen fc-screen--start" data-flow-screen="start">
        <h1 ref={headingRef} tabIndex={-1} className="fc-title" lang={locale}>
          {formText(opened.form.name, locale)}
        </h1>
        {opened.form.locales.length > 1 && <LanguageButtons locales={opened.form.locales} locale={locale} onLocale={onLocale} large />}
        {intro !== '' && (
          <p className="fc-intro" lang={locale}>
            {intro}
          </p>
        )}
        <p className="fc-intro">{t('feedbackCollect.flow.anonymous', { count: items.length })}</p>
        <button type="button" className="fc-button fc-button--primary fc-button--wide" id="fc-start" onClick={start}>
          {t('feedbackCollect.flow.start')}
        </button>
      </section>
    );
  }

  if (state.screen === 'send') {
    const answered = toAnswers(items, state.answers).length;
    const problem = send.isError ? problemOf(send.error) : null;
    return (
      <section className="fc-screen" data-flow-screen="send">
        <h1 ref={headingRef} tabIndex={-1} className="fc-question-text">
          {t('feedbackCollect.flow.sendTitle')}
        </h1>
        <p className="fc-intro">{answered === 0 ? t('feedbackCollect.flow.noneAnswered') : t('feedbackCollect.flow.answered', { count: answered, total: items.length })}</p>
        {problem !== null && <ProblemMessage problem={problem} during="send" />}
        <div className="fc-nav">
          <button type="button" className="fc-button" id="fc-back" onClick={() => dispatch({ type: 'back' })}>
            {t('feedbackCollect.flow.back')}
          </button>
          {problem === 'alreadySent' ? (
            <button type="button" className="fc-button fc-button--primary" id="fc-fresh" onClick={() => onFresh(false)}>
              {t('feedbackCollect.flow.fresh')}
            </button>
          ) : (
            <button type="button" className="fc-button fc-button--primary" id="fc-send" disabled={answered === 0 || send.isPending} onClick={() => send.mutate()}>
              {send.isPending ? t('feedbackCollect.flow.sending') : t('feedbackCollect.flow.send')}
            </button>
          )}
        </div>
      </section>
    );
  }

  const item = items[state.index]!;
  const headingId = `fc-question-${item.id}`;
  return (
    <section className="fc-screen" data-flow-screen="question" data-question-index={state.index} data-item-kind={item.kind}>
      <p className="fc-progress">{t('feedbackCollect.flow.progress', { number: state.index + 1, total: items.length })}</p>
      <h1 ref={headingRef} tabIndex={-1} id={headingId} className="fc-question-text" lang={locale}>
        {formText(item.text, locale)}
      </h1>
      <QuestionInput item={item} locale={locale} given={state.answers[item.id]} labelledBy={headingId} onChange={(given) => dispatch({ type: 'answer', itemId: item.id, given })} />
      <div className="fc-nav">
        <button type="button" className="fc-button" id="fc-back" onClick={() => dispatch({ type: 'back' })}>
          {t('feedbackCollect.flow.back')}
        </button>
        <button type="button" className="fc-button" id="fc-skip" onClick={() => dispatch({ type: 'skip' })}>
          {t('feedbackCollect.flow.skip')}
        </button>
        <button type="button" className="fc-button fc-button--primary" id="fc-next" onClick={() => dispatch({ type: 'next' })}>
          {t('feedbackCollect.flow.next')}
        </button>
      </div>
    </section>
  );
}
