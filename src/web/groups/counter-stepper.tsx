import { useTranslation } from 'react-i18next';
import { stepCount } from './attendance-values';

type StepperProps = { id: string; label: string; hint?: string; value: string; error?: string; onChange: (value: string) => void };

/**
 * A count with large − and + buttons for tapping while people come in, and a field to type the
 * number at once. The buttons name what they change, for screen readers; the field announces errors.
 */
export function CounterStepper({ id, label, hint, value, error, onChange }: StepperProps) {
  const { t } = useTranslation();
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`counter${error ? ' counter--error' : ''}`}>
      <label htmlFor={id} className="counter__label">{label}</label>
      {hint && <p id={`${id}-hint`} className="groups-hint">{hint}</p>}
      <div className="counter__controls">
        <button type="button" className="counter__button" id={`${id}-minus`} aria-label={t('groups.attendance.decrease', { what: label })} onClick={() => onChange(stepCount(value, -1))}>
          <span aria-hidden="true">−</span>
        </button>
        <input
          id={id}
          className="counter__input"
          type="text"
          inputMode="numeric"
          autoComplete="off"
          value={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          onChange={(event) => onChange(event.target.value)}
          onFocus={(event) => event.target.select()}
        />
        <button type="button" className="counter__button" id={`${id}-plus`} aria-label={t('groups.attendance.increase', { what: label })} onClick={() => onChange(stepCount(value, 1))}>
          <span aria-hidden="true">+</span>
        </button>
      </div>
      {error && <p id={`${id}-error`} className="field-error">{error}</p>}
    </div>
  );
}
