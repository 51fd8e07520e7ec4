import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Paragraph, RadioButton, RadioButtonGroup } from 'suomifi-ui-components';
import { helsinkiDay } from '../../domain/calendar';
import { nextPhase, type PhaseEntryView, type PilotDetail } from '../../domain/pilots';
import { SuccessAlert } from '../common/success-alert';
import { FiguresPanel } from './figures-panel';
import { phaseName } from './format';
import { PhaseEntry } from './phase-entry';
import { PhaseForm } from './phase-form';
import { emptyPhase, phaseValuesOf, type PhaseTarget } from './phase-form-values';

/**
 * The evaluation: the saved phases and the figures in one column, the form of the next phase (or of a
 * correction) in the other, so the evaluator writes while seeing what was expected and what happened.
 * On a phone the columns stack, the saved phases first.
 */
export function PhasesSection({ pilot, canManage }: { pilot: PilotDetail; canManage: boolean }) {
  const { t } = useTranslation();
  const [correcting, setCorrecting] = useState<PhaseEntryView | null>(null);
  const [wantsEnd, setWantsEnd] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const savedRef = useRef<HTMLDivElement>(null);
  const next = nextPhase(pilot.phases);
  const target: PhaseTarget | null = correcting
    ? { kind: correcting.kind, number: correcting.number, isCorrection: true }
    : next === null
      ? null
      : next.kind === 'midpoint' && wantsEnd
        ? { kind: 'end', number: 1, isCorrection: false }
        : { ...next, isCorrection: false };
  const showForm = canManage && target !== null;

  const correct = (entry: PhaseEntryView) => {
    setCorrecting(entry);
    setSaved(null);
    requestAnimationFrame(() => document.getElementById('phase-form-heading')?.focus());
  };
  const onSaved = (phase: string) => {
    setCorrecting(null);
    setWantsEnd(false);
    setSaved(phase);
    // The form is replaced by the next phase's: focus goes to the confirmation, which is read out.
    requestAnimationFrame(() => savedRef.current?.focus());
  };

  return (
    <section aria-labelledby="phases-heading" className="pilot-section">
      <h2 id="phases-heading" className="pilot-heading">{t('pilots.phases.heading')}</h2>
      {saved && (
        <div ref={savedRef} tabIndex={-1} id="phase-saved">
          <SuccessAlert>{t('pilots.phaseForm.saved', { phase: saved })}</SuccessAlert>
        </div>
      )}
      <div className={showForm ? 'pilot-workspace' : 'pilot-workspace pilot-workspace--single'}>
        <div className="pilot-workspace__record" id="pilot-record">
          <h3 className="pilot-subheading">{t('pilots.phases.earlier')}</h3>
          {pilot.phases.length === 0 && <Paragraph className="muted">{t('pilots.phases.noneYet')}</Paragraph>}
          {pilot.phases.map((entry) => (
            <PhaseEntry key={`${entry.kind}-${entry.number}`} entry={entry} onCorrect={canManage ? () => correct(entry) : null} />
          ))}
          {next === null && !correcting && <Paragraph className="muted">{t('pilots.phases.ended')}</Paragraph>}
          {!canManage && next !== null && <Paragraph className="muted">{t('pilots.phases.readOnly')}</Paragraph>}
          <FiguresPanel pilot={pilot} />
        </div>
        {showForm && target && (
          <div className="pilot-workspace__form">
            {!correcting && next?.kind === 'midpoint' && (
              <RadioButtonGroup id="phase-kind" name="phase-kind" labelText={t('pilots.phaseForm.chooseKind')} value={wantsEnd ? 'end' : 'midpoint'} onChange={(value) => setWantsEnd(value === 'end')} className="phase-kind">
                <RadioButton id="phase-kind-midpoint" value="midpoint">{phaseName(t, next)}</RadioButton>
                <RadioButton id="phase-kind-end" value="end">{phaseName(t, { kind: 'end', number: 1 })}</RadioButton>
              </RadioButtonGroup>
            )}
            <PhaseForm
              key={`${target.kind}-${target.number}-${target.isCorrection ? 'fix' : 'new'}-${pilot.phases.length}`}
              pilotId={pilot.id}
              target={target}
              initial={correcting ? phaseValuesOf(correcting) : emptyPhase(target.kind, helsinkiDay(new Date()))}
              days={{ startsOn: pilot.startsOn, today: helsinkiDay(new Date()) }}
              onSaved={onSaved}
              onCancel={correcting ? () => setCorrecting(null) : null}
            />
          </div>
        )}
      </div>
    </section>
  );
}
