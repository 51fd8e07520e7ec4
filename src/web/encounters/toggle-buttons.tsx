import type { ReactNode } from 'react';

type Option<T extends string> = { value: T; label: string };

type ChoiceGroupProps<T extends string> = {
  legend: string;
  hint?: string;
  options: Option<T>[];
  /** Pressed values; a single choice is a list of one. */
  selected: readonly T[];
  onToggle: (value: T) => void;
  name: string;
  size?: 'large' | 'chip';
  children?: ReactNode;
};

/**
 * A group of large toggle buttons (aria-pressed): one tap chooses, another tap clears. Big enough to
 * hit with a thumb at 360 px, and announced by screen readers as pressed or not.
 */
export function ChoiceGroup<T extends string>({ legend, hint, options, selected, onToggle, name, size = 'chip', children }: ChoiceGroupProps<T>) {
  const hintId = hint === undefined ? undefined : `${name}-hint`;
  return (
    <fieldset className="choice-group" aria-describedby={hintId}>
      <legend className="choice-group__legend">{legend}</legend>
      {hint !== undefined && (
        <p id={hintId} className="choice-group__hint">
          {hint}
        </p>
      )}
      <div className={`choice-group__options choice-group__options--${size}`}>
        {options.map((option) => (
          <button
            key={option.value}
            type="button"
            className="choice-button"
            data-choice={`${name}:${option.value}`}
            aria-pressed={selected.includes(option.value)}
            onClick={() => onToggle(option.value)}
          >
            {option.label}
          </button>
        ))}
      </div>
      {children}
    </fieldset>
  );
}
