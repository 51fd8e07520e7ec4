import type { InputHTMLAttributes } from 'react';

type LoginFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> & {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
};

/**
 * A labelled text field in the Suomi.fi TextInput's look, as plain HTML for the sign-in page. The error
 * text sits under it in `<id>-statusText` (the design system's own id), described by the input and
 * announced as it appears.
 */
export function LoginField({ id, label, value, onChange, error, ...input }: LoginFieldProps) {
  const statusId = `${id}-statusText`;
  return (
    <div className={`login-field${error ? ' login-field--error' : ''}`}>
      <label htmlFor={id} className="login-field__label">
        {label}
      </label>
      <input
        {...input}
        id={id}
        className="login-field__input"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={statusId}
      />
      <span id={statusId} className="login-field__status" aria-live="assertive" aria-atomic="true">
        {error}
      </span>
    </div>
  );
}
