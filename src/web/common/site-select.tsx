/** Chooses one of the user's sites; shown only when there is a choice to make. */
export function SiteSelect({ id, label, siteIds, value, onChange, siteName }: {
  id: string;
  label: string;
  siteIds: string[];
  value: string;
  onChange: (siteId: string) => void;
  siteName: (siteId: string) => string;
}) {
  return (
    <div className="encounter-form__field">
      <label className="encounter-form__label" htmlFor={id}>
        {label}
      </label>
      <select id={id} className="encounter-form__select" value={value} onChange={(e) => onChange(e.target.value)}>
        {siteIds.map((siteId) => (
          <option key={siteId} value={siteId}>
            {siteName(siteId)}
          </option>
        ))}
      </select>
    </div>
  );
}
