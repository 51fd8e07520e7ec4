import { checkIdentityCode } from '../../domain/clients/identity-code';
import type { ContactSource } from '../../domain/clients/process';
import type { ClientInput, ContactPreference } from '../../domain/clients/schemas';

/** The new-client form as typed. Nothing is preselected where the answer matters (the contact's source). */
export type ClientValues = {
  siteId: string;
  name: string;
  identityCode: string;
  preferredLanguage: string;
  municipalityCode: string;
  contactPreference: ContactPreference;
  source: ContactSource | '';
  isStatutoryGroup: boolean;
  need: string;
  /** Who takes the case on; '' is the recorder (the server's default). */
  handlerId: string;
};

/** Field ids; errors are keyed by them so that the error summary links to the field. */
export const clientFields = {
  siteId: 'client-site',
  name: 'client-name',
  identityCode: 'client-identity-code',
  /** The first radio button of the group: where the error summary's link lands. */
  source: 'client-source-self',
  need: 'client-need',
} as const;

export const clientLimits = { name: 200, need: 4000 } as const;

/** A problem as a translation key and its values; the page translates it. */
export type Problems = Record<string, { key: string; values?: Record<string, number> }>;

export const emptyClient = (siteId: string): ClientValues => ({
  siteId, name: '', identityCode: '', preferredLanguage: 'fi', municipalityCode: '', contactPreference: 'phone', source: '', isStatutoryGroup: false, need: '', handlerId: '',
});

/**
 * Checks the form the way the API will. A wrong identity code is named by what is wrong with it (the
 * check character above all, the usual typing error), in the same words as the server's refusal.
 */
export function checkClient(values: ClientValues): { input: Omit<ClientInput, 'existingClientsChecked'> | null; problems: Problems } {
  const problems: Problems = {};
  const name = values.name.trim();
  const code = values.identityCode.trim();
  const need = values.need.trim();
  if (values.siteId === '') problems[clientFields.siteId] = { key: 'clients.form.errors.siteRequired' };
  if (name === '') problems[clientFields.name] = { key: 'clients.form.errors.nameRequired' };
  else if (name.length > clientLimits.name) problems[clientFields.name] = { key: 'clients.form.errors.tooLong', values: { max: clientLimits.name } };
  if (code !== '') {
    const checked = checkIdentityCode(code);
    if (!checked.ok) problems[clientFields.identityCode] = { key: `clients.identityCode.${checked.problem}` };
  }
  if (values.source === '') problems[clientFields.source] = { key: 'clients.form.errors.sourceRequired' };
  if (need === '') problems[clientFields.need] = { key: 'clients.form.errors.needRequired' };
  else if (need.length > clientLimits.need) problems[clientFields.need] = { key: 'clients.form.errors.tooLong', values: { max: clientLimits.need } };
  if (Object.keys(problems).length > 0 || values.source === '') return { input: null, problems };
  return {
    input: {
      siteId: values.siteId,
      name,
      ...(code === '' ? {} : { identityCode: code }),
      preferredLanguage: values.preferredLanguage,
      ...(values.municipalityCode === '' ? {} : { municipalityCode: values.municipalityCode }),
      contactPreference: values.contactPreference,
      contact: { source: values.source, isStatutoryGroup: values.isStatutoryGroup, need, ...(values.handlerId === '' ? {} : { handlerId: values.handlerId }) },
    },
    problems,
  };
}

/**
 * What the existing-client check was made for: the name and the code as they will be sent. A change to
 * either after the check asks for a new one, so a duplicate cannot slip in by editing after the warning.
 * Held in memory only (the code never leaves the form except in a request body).
 */
export const lookupSubject = (input: { name: string; identityCode?: string }): string => JSON.stringify([input.name.toLowerCase(), input.identityCode?.toUpperCase() ?? '']);
