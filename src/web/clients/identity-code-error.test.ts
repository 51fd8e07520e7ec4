import { describe, expect, it } from 'vitest';
import { identityCodeProblems } from '../../domain/clients/identity-code';
import { ApiRequestError } from '../api/client';
import en from '../i18n/bundle-en';
import fi from '../i18n/bundle-fi';
import sv from '../i18n/bundle-sv';
import { identityCodeErrorKey } from './identity-code-error';

const textOf = (bundle: Record<string, unknown>, key: string): unknown => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], bundle);

describe('identity-code refusals in the user\'s language', () => {
  it('words every problem the server can name in Finnish, Swedish and English', () => {
    for (const reason of [...identityCodeProblems, 'existing_client']) {
      const key = identityCodeErrorKey(new ApiRequestError(400, 'bad_request', 'server text', { field: 'identityCode', reason }));
      expect(key, reason).toBe(`clients.identityCode.${reason}`);
      for (const bundle of [fi, sv, en]) expect(typeof textOf(bundle, key!), `${reason}`).toBe('string');
    }
    expect(textOf(fi, 'clients.identityCode.checksum')).toContain('tarkistusmerkki');
    expect(textOf(sv, 'clients.identityCode.checksum')).toContain('kontrolltecken');
  });

  it('leaves other errors to the general wording', () => {
    expect(identityCodeErrorKey(new ApiRequestError(400, 'bad_request', 'x', { field: 'day', reason: 'future' }))).toBeNull();
    expect(identityCodeErrorKey(new Error('x'))).toBeNull();
  });
});
