import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Paragraph, Textarea } from 'suomifi-ui-components';
import type { PilotDetail } from '../../domain/pilots';
import { ErrorAlert } from '../common/error-alert';
import { FormErrorSummary } from '../common/form-error-summary';
import { FormSubmit } from '../common/form-submit';
import { SuccessAlert } from '../common/success-alert';
import { useUpdatePilot } from './api';
import { problemTexts } from './problem-text';

const conclusionsLimit = 20_000;
const fieldId = 'pilot-conclusions';

/** The evaluator's conclusions: written by the coordinator, read by everyone who sees the pilot and its report. */
export function ConclusionsSection({ pilot, canManage }: { pilot: PilotDetail; canManage: boolean }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="conclusions-heading" className="pilot-section">
      <h2 id="conclusions-heading" className="pilot-heading">{t('pilots.conclusions.heading')}</h2>
      {canManage ? (
        <ConclusionsForm pilot={pilot} />
      ) : (
        <Paragraph className={pilot.conclusions ? 'pilot-text' : 'muted'}>{pilot.conclusions || t('pilots.conclusions.empty')}</Paragraph>
      )}
    </section>
  );
}

function ConclusionsForm({ pilot }: { pilot: PilotDetail }) {
  const { t } = useTranslation();
  const update = useUpdatePilot(pilot.id);
  const [text, setText] = useState(pilot.conclusions);
  const [attempt, setAttempt] = useState(0);
  const [problem, setProblem] = useState(false);
  const errors = problemTexts(t, problem ? { [fieldId]: { key: 'tooLong', values: { max: conclusionsLimit } } } : {});

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const tooLong = text.trim().length > conclusionsLimit;
    setProblem(tooLong);
    setAttempt((n) => n + 1);
    update.reset();
    if (!tooLong) update.mutate({ conclusions: text.trim() });
  };

  return (
    <form onSubmit={submit} noValidate className="form-stack">
      <FormErrorSummary errors={errors} attempt={attempt} />
      {update.isError && <ErrorAlert error={update.error} />}
      {update.isSuccess && <SuccessAlert>{t('pilots.conclusions.saved')}</SuccessAlert>}
      <Textarea
        id={fieldId}
        labelText={t('pilots.conclusions.label')}
        hintText={t('pilots.conclusions.hint')}
        optionalText={t('common.optional')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        status={errors[fieldId] ? 'error' : 'default'}
        statusText={errors[fieldId]}
        fullWidth
      />
      <FormSubmit id="conclusions-submit" isPending={update.isPending}>
        {t('pilots.conclusions.save')}
      </FormSubmit>
    </form>
  );
}
