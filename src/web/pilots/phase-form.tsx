import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Paragraph, RadioButton, RadioButtonGroup, Textarea } from 'suomifi-ui-components';
import { pilotDecisions, type PilotDecision } from '../../domain/pilots';
import { ErrorAlert } from '../common/error-alert';
import { FormErrorSummary } from '../common/form-error-summary';
import { useSavePhase } from './api';
import { decisionLabel, phaseName } from './format';
import { DateField } from '../common/date-field';
import { checkPhase, decisionId, heldOnId, questionId, questionsOf, type PhaseDays, type PhaseTarget, type PhaseValues } from './phase-form-values';
import type { Problems } from './pilot-form-values';
import { problemTexts } from './problem-text';

type PhaseFormProps = {
  pilotId: string;
  target: PhaseTarget;
  initial: PhaseValues;
  days: PhaseDays;
  onSaved: (phase: string) => void;
  onCancel: (() => void) | null;
};

/** The questions of one phase as a form; the end phase ends with the continue / change / stop decision. */
export function PhaseForm({ pilotId, target, initial, days, onSaved, onCancel }: PhaseFormProps) {
  const { t } = useTranslation();
  const save = useSavePhase(pilotId);
  const [values, setValues] = useState<PhaseValues>(initial);
  const [problems, setProblems] = useState<Problems>({});
  const [attempt, setAttempt] = useState(0);
  const errors = problemTexts(t, problems);
  const status = (id: string) => ({ status: errors[id] ? ('error' as const) : ('default' as const), statusText: errors[id] });
  const name = phaseName(t, target);
  const setAnswer = (question: string, text: string) => setValues((old) => ({ ...old, answers: { ...old.answers, [question]: text } }));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const checked = checkPhase(target, values, days);
    setProblems(checked.problems);
    setAttempt((n) => n + 1);
    if (!checked.input) return;
    save.mutate(checked.input, { onSuccess: () => onSaved(name) });
  };

  return (
    <form onSubmit={submit} noValidate className="form-stack phase-form" id="phase-form" aria-labelledby="phase-form-heading">
      <h3 id="phase-form-heading" className="pilot-subheading" tabIndex={-1}>
        {target.isCorrection ? t('pilots.phaseForm.correcting', { phase: name }) : t('pilots.phaseForm.heading', { phase: name })}
      </h3>
      <Paragraph className="muted">{t('pilots.phaseForm.hint')}</Paragraph>
      <FormErrorSummary errors={errors} attempt={attempt} />
      {save.isError && <ErrorAlert error={save.error} />}
      <DateField
        id={heldOnId}
        labelText={t('pilots.phaseForm.heldOn')}
        hintText={t('pilots.phaseForm.heldOnHint')}
        value={values.heldOn}
        onChange={(heldOn) => setValues((old) => ({ ...old, heldOn }))}
        {...status(heldOnId)}
        maxDate={new Date(`${days.today}T12:00:00`)}
      />
      {questionsOf(target.kind).map((q) => (
        <Textarea
          key={q}
          id={questionId(q)}
          labelText={t(`pilots.questions.${q}` as 'pilots.questions.targetGroup')}
          optionalText={t('common.optional')}
          value={values.answers[q] ?? ''}
          onChange={(e) => setAnswer(q, e.target.value)}
          {...status(questionId(q))}
          fullWidth
        />
      ))}
      {target.kind === 'end' && (
        <RadioButtonGroup
          id="phase-decision"
          name="decision"
          labelText={t('pilots.phaseForm.decision')}
          groupHintText={t('pilots.phaseForm.decisionHint')}
          value={values.decision}
          onChange={(value) => setValues((old) => ({ ...old, decision: value as PilotDecision }))}
          groupStatus={errors[decisionId] ? 'error' : 'default'}
          groupStatusText={errors[decisionId]}
        >
          {pilotDecisions.map((d) => (
            <RadioButton key={d} id={`phase-decision-${d}`} value={d}>
              {decisionLabel(t, d)}
            </RadioButton>
          ))}
        </RadioButtonGroup>
      )}
      <div className="form-actions pilot-actions">
        <Button type="submit" id="phase-submit" disabled={save.isPending}>
          {t('pilots.phaseForm.submit')}
        </Button>
        {onCancel && (
          <Button variant="secondary" id="phase-cancel" onClick={onCancel}>
            {t('pilots.phaseForm.cancelCorrection')}
          </Button>
        )}
      </div>
    </form>
  );
}
