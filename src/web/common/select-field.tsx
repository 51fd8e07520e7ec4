/**
 * A labelled native select: reliable on phones and with screen readers, and the one look of every
 * chooser of this kind (site, weekday, room, list). `T` narrows the values a caller gets back.
 */
export function SelectField<T extends string = string>({ id, label, value, onChange, options }: {
  id: string;
  label: string;
  value: T;
  onChange: (value: T) => void;
  options: readonly { value: T; label: string }[];
}) {
  return (
    <div className="encounter-form__field">
      <label className="encounter-form__label" htmlFor={id}>
        {label}
      </label>
      <select id={id} className="encounter-form__select" value={value} onChange={(e) => onChange(e.target.value as T)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
