import { type KeyboardEvent, type ReactNode, useState } from 'react';

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

const moves: Record<string, (index: number, count: number) => number> = {
  ArrowRight: (i, n) => (i + 1) % n,
  ArrowDown: (i, n) => (i + 1) % n,
  ArrowLeft: (i, n) => (i - 1 + n) % n,
  ArrowUp: (i, n) => (i - 1 + n) % n,
  Home: () => 0,
  End: (_, n) => n - 1,
};

/**
 * A group of large toggle buttons (aria-pressed): one tap chooses, another tap clears. Big enough to
 * hit with a thumb at 360 px, and announced by screen readers as pressed or not.
 *
 * The group is one Tab stop with a roving tabindex, as a radio group is: the arrow keys (and Home/End)
 * move between its buttons, so a keyboard user does not tab through thirty chips to reach Save.
 */
export function ChoiceGroup<T extends string>({ legend, hint, options, selected, onToggle, name, size = 'chip', children }: ChoiceGroupProps<T>) {
  const hintId = hint === undefined ? undefined : `${name}-hint`;
  const firstPressed = options.findIndex((o) => selected.includes(o.value));
  const [focused, setFocused] = useState<number | null>(null);
  const stop = focused !== null && focused < options.length ? focused : Math.max(firstPressed, 0);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const move = moves[event.key];
    if (!move || options.length === 0) return;
    event.preventDefault();
    const next = move(stop, options.length);
    setFocused(next);
    event.currentTarget.querySelectorAll<HTMLButtonElement>('button.choice-button')[next]?.focus();
  };

  return (
    <fieldset className="choice-group" aria-describedby={hintId}>
      <legend className="choice-group__legend">{legend}</legend>
      {hint !== undefined && (
        <p id={hintId} className="choice-group__hint">
          {hint}
        </p>
      )}
      <div className={`choice-group__options choice-group__options--${size}`} onKeyDown={onKeyDown}>
        {options.map((option, index) => (
          <button
            key={option.value}
            type="button"
            className="choice-button"
            data-choice={`${name}:${option.value}`}
            aria-pressed={selected.includes(option.value)}
            tabIndex={index === stop ? 0 : -1}
            onFocus={() => setFocused(index)}
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
