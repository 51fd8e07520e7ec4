import { describe, expect, it } from 'vitest';
import en from '../i18n/en.json';
import fi from '../i18n/fi.json';
import sv from '../i18n/sv.json';

// The home page's intro was written for the first release ("the first version of Silta"); it now
// says what the product does, and must not slip back to talking about versions.
describe('the home page intro', () => {
  it.each([['fi', fi.home.intro, /versio/i], ['sv', sv.home.intro, /version/i], ['en', en.home.intro, /version/i]])('in %s names the work Silta records, not a version', (_locale, intro, version) => {
    expect(intro).not.toMatch(version);
    expect(intro.length).toBeGreaterThan(80);
  });

  it('names the same things in every language: encounters, referrals, groups, feedback and the report', () => {
    expect(fi.home.intro).toMatch(/kohtaamiset.*ohjaukset.*ryhmät.*palaute.*raportti/);
    expect(sv.home.intro).toMatch(/möten.*hänvisningar.*grupper.*respons.*rapporten/);
    expect(en.home.intro).toMatch(/encounters.*referrals.*groups.*feedback.*report/);
  });
});
