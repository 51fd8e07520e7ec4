import type { Ref } from 'react';
import { TextInput } from 'suomifi-ui-components';

type VisitorCodeFieldProps = {
  id: string;
  ref: Ref<HTMLInputElement>;
  labelText: string;
  hintText: string;
  value: string;
  /** What is wrong with the typed code (each page words it for its own use), or undefined. */
  problemText: string | undefined;
  /** Called with each edit; the page clears its problem then, as the code is being corrected. */
  onChange: (value: string) => void;
};

/**
 * A field for typing a visitor code from a card: no autocomplete, spell check or lower-case
 * keyboard, and the problem found by `readTypedCode` shown under it. Looking up a code and adding
 * one to a group's roster use the same field.
 */
export function VisitorCodeField({ id, ref, labelText, hintText, value, problemText, onChange }: VisitorCodeFieldProps) {
  return (
    <TextInput
      id={id}
      ref={ref}
      labelText={labelText}
      hintText={hintText}
      value={value}
      autoComplete="off"
      autoCapitalize="characters"
      spellCheck={false}
      status={problemText === undefined ? 'default' : 'error'}
      statusText={problemText}
      onChange={(next) => onChange(String(next ?? ''))}
    />
  );
}
