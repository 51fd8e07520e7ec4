import { useSites, useUnits } from '../api/org';

/** Sites and units the user form offers; both lists come from the administrator's own region. */
export function useUserFormData() {
  const sites = useSites();
  const units = useUnits();
  return {
    sites: sites.data,
    units: units.data,
    isPending: sites.isPending || units.isPending,
    error: sites.error ?? units.error,
  };
}
