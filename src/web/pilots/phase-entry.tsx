import { useTranslation } from 'react-i18next';
import { Button } from 'suomifi-ui-components';
import type { PhaseEntryView, PilotDecision } from '../../domain/pilots';
import { formatDate } from '../../domain/date-format';
import { useLocale } from '../i18n/use-locale';
import { decisionLabel, formatInstantDay, phaseName } from './format';
import { questionsOf } from './phase-form-values';

type PhaseEntryProps = { entry: PhaseEntryView; onCorrect: (() => void) | null };

/** A saved phase as written: the answered questions, who saved it and when, and its earlier versions. */
export function PhaseEntry({ entry, onCorrect }: PhaseEntryProps) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const name = phaseName(t, entry);
  const headingId = `phase-${entry.kind}-${entry.number}-heading`;
  const answered = questionsOf(entry.kind).filter((q) => (entry.fields[q] ?? '') !== '');
  const decision = entry.fields.decision as PilotDecision | undefined;
  const earlier = entry.revisions.slice(0, -1);
  return (
    <article className="phase-entry" id={`phase-${entry.kind}-${entry.number}`} aria-labelledby={headingId}>
      <h4 id={headingId} className="phase-entry__title">{name}</h4>
      <p className="phase-entry__meta">
        {t('pilots.phases.heldOn', { date: formatDate(entry.heldOn, locale) })} · {t('pilots.phases.savedBy', { date: formatInstantDay(entry.savedAt, locale), author: entry.authorName })}
      </p>
      <dl className="phase-entry__answers">
        {answered.map((q) => (
          <div key={q}>
            <dt>{t(`pilots.questions.${q}` as 'pilots.questions.targetGroup')}</dt>
            <dd>{entry.fields[q]}</dd>
          </div>
        ))}
        {decision && (
          <div>
            <dt>{t('pilots.phaseForm.decision')}</dt>
            <dd className="phase-entry__decision">{decisionLabel(t, decision)}</dd>
          </div>
        )}
      </dl>
      {earlier.length > 0 && (
        <details className="phase-entry__revisions">
          <summary>{t('pilots.phases.revisions', { count: earlier.length })}</summary>
          <ul className="plain-list">
            {earlier.map((r) => (
              <li key={r.revision}>{t('pilots.phases.revisionLine', { revision: r.revision, date: formatInstantDay(r.savedAt, locale), author: r.authorName })}</li>
            ))}
          </ul>
        </details>
      )}
      {onCorrect && (
        <Button variant="secondary" id={`phase-${entry.kind}-${entry.number}-correct`} onClick={onCorrect} aria-label={t('pilots.phases.correctLabel', { phase: name })}>
          {t('pilots.phases.correct')}
        </Button>
      )}
    </article>
  );
}
