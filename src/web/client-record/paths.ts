/** The printable client record (route pattern relative to the app root, as in routes.tsx). */
export const CLIENT_RECORD_ROUTE = 'clients/:clientId/record';

/** A link to one client's printable record, for the client page ("Export for the official record"). */
export const clientRecordPath = (clientId: string): string => `/clients/${encodeURIComponent(clientId)}/record`;

/** The same record as JSON, for the county's official record system. */
export const clientRecordApiPath = (clientId: string): string => `/api/clients/${encodeURIComponent(clientId)}/record`;
