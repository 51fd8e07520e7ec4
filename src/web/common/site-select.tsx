import { SelectField } from './select-field';

/** Chooses one of the user's sites; shown only when there is a choice to make. */
export function SiteSelect({ id, label, siteIds, value, onChange, siteName }: {
  id: string;
  label: string;
  siteIds: string[];
  value: string;
  onChange: (siteId: string) => void;
  siteName: (siteId: string) => string;
}) {
  return <SelectField id={id} label={label} value={value} onChange={onChange} options={siteIds.map((siteId) => ({ value: siteId, label: siteName(siteId) }))} />;
}
