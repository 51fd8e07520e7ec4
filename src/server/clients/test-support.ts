// Shared set-up for the client tests and route cases; not used by the app.
import { identityCodeCheckCharacter } from '../../domain/clients/identity-code.js';
import type { ClientInput } from '../../domain/clients/schemas.js';

/** A valid made-up identity code for a birth day 'DDMMYY', century sign and individual number. */
export function madeUpIdentityCode(ddmmyy: string, sign: string, individual: number): string {
  const number = String(individual).padStart(3, '0');
  return `${ddmmyy}${sign}${number}${identityCodeCheckCharacter(`${ddmmyy}${number}`)}`;
}

/** A contact body for POST /api/clients. */
export function clientBody(siteId: string, extra: Omit<Partial<ClientInput>, 'contact'> & { contact?: Partial<ClientInput['contact']> } = {}): ClientInput {
  const { contact, ...rest } = extra;
  return {
    siteId,
    name: 'Testi Asiakas',
    preferredLanguage: 'fi',
    contactPreference: 'phone',
    existingClientsChecked: true,
    ...rest,
    contact: { source: 'self', isStatutoryGroup: false, need: 'Tarvitsee tukea arjen hallintaan.', ...contact },
  };
}
