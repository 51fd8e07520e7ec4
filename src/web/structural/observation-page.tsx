import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Button, Heading, Paragraph } from 'suomifi-ui-components';
import { answerOutcomes, type AnswerOutcome, type ObservationDetail } from '../../domain/structural/observations';
import { AppLink } from '../common/app-link';
import { formatDate, formatDateTime } from '../common/date-format';
import { ErrorAlert } from '../common/error-alert';
import { Loading } from '../common/loading';
import { PageHeading } from '../common/page-heading';
import { IndicatorsPanel } from '../indicators/indicators-panel';
import { useAnswerObservation, useCosignObservation, useObservation, useSubmitObservation } from './api';
import { asLocale, phenomenonOf } from './labels';
import './structural.css';

function AnswerForm({ observation }: { observation: ObservationDetail }) {
  const { t } = useTranslation();
  const answer = useAnswerObservation();
  const [outcome, setOutcome] = useState<AnswerOutcome | ''>('');
  const [text, setText] = useState('');
  const send = (event: FormEvent) => {
    event.preventDefault();
    if (!outcome || !text.trim()) return;
    answer.mutate({ id: observation.id, answer: { outcome, text } }, { onSuccess: () => setText('') });
  };
  return (
    <section aria-labelledby="obs-answer-form" className="structural-no-print">
      <Heading variant="h2" id="obs-answer-form" mb="s">{t('structural.detail.answerTitle')}</Heading>
      <form className="structural-form" onSubmit={send} data-testid="answer-form">
        <div>
          <label htmlFor="obs-outcome">{t('structural.detail.outcome')}</label>
          <select id="obs-outcome" required value={outcome} onChange={(e) => setOutcome(e.target.value as AnswerOutcome)}>
            <option value="" />
            {answerOutcomes.map((o) => <option key={o} value={o}>{t(`structural.statuses.${o}`)}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="obs-answer-text">{t('structural.detail.answerText')}</label>
          <textarea id="obs-answer-text" required rows={4} maxLength={4000} value={text} onChange={(e) => setText(e.target.value)} />
        </div>
        {answer.isError && <ErrorAlert error={answer.error} />}
        <div className="structural-actions">
          <Button type="submit" disabled={answer.isPending} data-action="answer">{t('structural.detail.sendAnswer')}</Button>
        </div>
      </form>
    </section>
  );
}

/** One observation: what was seen and proposed, its supporters, the answer that came back, and its timeline. */
export function ObservationPage() {
  const { t, i18n } = useTranslation();
  const locale = asLocale(i18n.language);
  const { observationId = '' } = useParams();
  const query = useObservation(observationId);
  const submit = useSubmitObservation();
  const cosign = useCosignObservation();
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorAlert error={query.error} />;
  const o = query.data;
  return (
    <>
      <PageHeading>{phenomenonOf(o, locale)}</PageHeading>
      <p className="structural-no-print"><AppLink to="/structural">{t('structural.detail.back')}</AppLink></p>
      <dl className="structural-dl" data-testid="observation-detail">
        <dt>{t('structural.detail.status')}</dt>
        <dd data-testid="observation-status">{t(`structural.statuses.${o.status}`)}</dd>
        <dt>{t('structural.detail.reporter')}</dt>
        <dd>{o.createdBy.displayName}</dd>
        {o.submittedDay && (<><dt>{t('structural.detail.submittedDay')}</dt><dd>{formatDate(o.submittedDay, locale)}</dd></>)}
        {o.answerDueDay && !o.answer && (
          <>
            <dt>{t('structural.detail.answerDue')}</dt>
            <dd className={o.isOverdue ? 'structural-overdue' : undefined}>
              {formatDate(o.answerDueDay, locale)}
              {o.isOverdue && <> · {t('structural.detail.overdue')}</>}
            </dd>
          </>
        )}
        <dt>{t('structural.form.description')}</dt>
        <dd>{o.description}</dd>
        <dt>{t('structural.form.affectedGroup')}</dt>
        <dd>
          {o.affectedGroup}
          {o.affectedEstimate !== null && <> ({t('structural.detail.estimate', { count: o.affectedEstimate })})</>}
        </dd>
        {o.sinceMonth && (<><dt>{t('structural.detail.since')}</dt><dd>{o.sinceMonth}</dd></>)}
        <dt>{t('structural.form.proposedAction')}</dt>
        <dd>{o.proposedAction}</dd>
        <dt>{t('structural.form.addresseeLevel')}</dt>
        <dd>{t(`structural.levels.${o.addresseeLevel}`)}</dd>
      </dl>

      {o.can.update && (
        <div className="structural-actions structural-no-print">
          <Button onClick={() => submit.mutate(o.id)} disabled={submit.isPending} data-action="submit-draft">{t('structural.detail.submitDraft')}</Button>
          {submit.isError && <ErrorAlert error={submit.error} />}
        </div>
      )}

      <section aria-labelledby="obs-answer">
        <Heading variant="h2" id="obs-answer" mb="s">{t('structural.detail.answer')}</Heading>
        {o.answer ? (
          <>
            <p className="structural-answer" data-testid="observation-answer">{o.answer.text}</p>
            <Paragraph>{t('structural.detail.answerBy', { name: o.answer.by.displayName, day: formatDateTime(o.answer.at, locale) })}</Paragraph>
          </>
        ) : (
          <Paragraph>{t('structural.detail.noAnswer')}</Paragraph>
        )}
      </section>

      <section aria-labelledby="obs-cosigners">
        <Heading variant="h2" id="obs-cosigners" mb="s">{t('structural.detail.cosigners')}</Heading>
        {o.cosigners.length === 0 ? <Paragraph>{t('structural.detail.noCosigners')}</Paragraph> : (
          <ul>{o.cosigners.map((c) => <li key={c.id}>{c.displayName}</li>)}</ul>
        )}
        {o.can.cosign && (
          <div className="structural-actions structural-no-print">
            <Button variant="secondary" onClick={() => cosign.mutate(o.id)} disabled={cosign.isPending} data-action="cosign">{t('structural.detail.cosign')}</Button>
          </div>
        )}
        {cosign.isError && <ErrorAlert error={cosign.error} />}
      </section>

      {o.can.answer && <AnswerForm observation={o} />}

      {/* Evidence beside the observation: the region's published indicators against the whole country. */}
      <IndicatorsPanel />

      <section aria-labelledby="obs-timeline">
        <Heading variant="h2" id="obs-timeline" mb="s">{t('structural.detail.timeline')}</Heading>
        <ol data-testid="observation-timeline">
          {o.timeline.map((e, i) => (
            <li key={i}>
              {formatDateTime(e.at, locale)} · {t(`structural.events.${e.kind}`)}
              {e.kind === 'answered' && <> ({t(`structural.statuses.${e.status}`)})</>}
              {e.actor && <> · {e.actor.displayName}</>}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
