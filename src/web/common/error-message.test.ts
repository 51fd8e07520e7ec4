import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { errorCodes } from '../../domain/errors';
import { ApiRequestError } from '../api/client';
import en from '../i18n/bundle-en';
import fi from '../i18n/bundle-fi';
import sv from '../i18n/bundle-sv';
import { errorMessage } from './error-message';

describe('error messages', () => {
  it('every error code the API documents has its own text in Finnish, Swedish and English', () => {
    for (const bundle of [fi, sv, en]) {
      const texts = (bundle as { errors: Record<string, string> }).errors;
      const missing = errorCodes.filter((code) => typeof texts[code] !== 'string');
      expect(missing).toEqual([]);
    }
  });

  it('shows the translated text of a known code, never the server English', async () => {
    const t = await i18next.createInstance().init({ lng: 'fi', resources: { fi: { translation: fi } } });
    expect(errorMessage(t, new ApiRequestError(400, 'nothing_to_change', 'The change has no fields.'))).toBe((fi as { errors: Record<string, string> }).errors.nothing_to_change);
  });
});
