import { describe, expect, it } from 'vitest';
import { isValidSlug, suggestSlug } from './site-address';
import { cleanTranslations, localized } from './translations';

describe('short public addresses', () => {
  it('are suggested from a name with Finnish and Swedish letters transliterated', () => {
    expect(suggestSlug('Kemin päiväkeskus')).toBe('kemin-paivakeskus');
    expect(suggestSlug('  Åbo – Östra torget! ')).toBe('abo-ostra-torget');
    expect(suggestSlug('Café Søndre 2')).toBe('cafe-sondre-2');
    expect(suggestSlug('!!!')).toBe('paikka');
    expect(suggestSlug(`${'a'.repeat(59)} b`)).toBe('a'.repeat(59)); // cut at 60 without a trailing hyphen
  });

  it('accept a–z, 0–9 and single hyphens inside, 2–60 characters', () => {
    for (const good of ['rovaniemi', 'kemi-paivakeskus', 'k2', 'a'.repeat(60)]) expect(isValidSlug(good), good).toBe(true);
    for (const bad of ['', 'r', 'Rovaniemi', 'päivä', '-kemi', 'kemi-', 'ke--mi', 'ke mi', 'a'.repeat(61), 'a/b']) expect(isValidSlug(bad), bad).toBe(false);
  });
});

describe('texts in the reader’s language', () => {
  it('fall back to Finnish where no version was written, and keep only versions that say something', () => {
    expect(localized('Olohuone', { sv: 'Vardagsrum' }, 'sv')).toBe('Vardagsrum');
    expect(localized('Olohuone', { sv: 'Vardagsrum' }, 'en')).toBe('Olohuone');
    expect(localized('Olohuone', { sv: '  ' }, 'sv')).toBe('Olohuone');
    expect(localized('Olohuone', { sv: 'Vardagsrum' }, 'fi')).toBe('Olohuone');
    expect(localized('Olohuone', undefined, 'en')).toBe('Olohuone');
    expect(cleanTranslations({ sv: '', en: 'Living room' })).toEqual({ en: 'Living room' });
  });
});
