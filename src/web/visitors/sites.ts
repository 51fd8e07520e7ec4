import type { SiteView } from '../../domain/api-types';

export const siteNameOf = (sites: SiteView[] | undefined) => (siteId: string) => sites?.find((s) => s.id === siteId)?.name ?? siteId;
