import { describe, expect, it } from 'vitest';
import type { FeedbackFormView, FeedbackItemView } from '../src/domain/feedback';
import { agreementWords, recommendationEnds, scaleWords } from '../src/domain/feedback-scale';
import type { Locale } from '../src/domain/org';
import { expectNoSeriousViolations } from './support/axe';
import { signedIn } from './support/sign-in';
import { useSuite } from './support/suite';

const suite = useSuite();

const pdfPages = (pdf: Buffer): number => (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
const pdfPageSizes = (pdf: Buffer): number[][] =>
  [...pdf.toString('latin1').matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]);
const languageNames: Record<Locale, string> = { fi: 'Suomi', sv: 'Svenska', en: 'English' };
const inForm = (text: Record<Locale, string>, locale: Locale) => text[locale] || text.fi;

/** What a question's box labels must say on paper: the same words the kiosk shows for it. */
function expectedWords(item: FeedbackItemView, locale: Locale): string[] {
  switch (item.kind) {
    case 'agreement':
      return [1, 2, 3, 4, 5].map((n) => agreementWords(n, locale)).concat(item.allowsNotApplicable ? [scaleWords[locale].notApplicable] : []);
    case 'recommendation':
      return [recommendationEnds(item.scaleMin ?? 1, locale)];
    case 'single_choice':
      return item.options.map((o) => inForm(o, locale));
    case 'multiple_choice':
      return [scaleWords[locale].chooseSeveral, ...item.options.map((o) => inForm(o, locale))];
    case 'open_text':
      return [scaleWords[locale].noNames];
  }
}

describe('blank paper feedback forms', () => {
  it('print every form in each of its languages with exactly the current version\'s items and scale words, on A4', async () => {
    const { page, problems } = await signedIn(suite(), 'demo.coordinator');
    const { forms } = (await (await page.request.get('/api/feedback/forms')).json()) as { forms: { id: string }[] };
    expect(forms.length).toBeGreaterThan(0);
    let printed = 0;
    for (const { id } of forms) {
      const form = (await (await page.request.get(`/api/feedback/forms/${id}`)).json()) as FeedbackFormView;
      await page.goto(`/feedback/forms/${id}/print`);
      const sheet = page.locator('article.paper-print');
      for (const locale of form.current.locales) {
        await page.getByRole('button', { name: languageNames[locale], exact: true }).click();
        await expect.poll(() => sheet.getAttribute('lang')).toBe(locale);
        const questions = sheet.locator('li.paper-print__question');
        // One printed question per item of the version the kiosk and the visitor's phone open, in order.
        expect(await questions.count(), `${id} ${locale}`).toBe(form.current.items.length);
        for (const [index, item] of form.current.items.entries()) {
          const text = await questions.nth(index).innerText();
          expect(text, `${id} ${locale} item ${index + 1}`).toContain(`${index + 1}. ${inForm(item.text, locale)}`);
          for (const words of expectedWords(item, locale)) expect(text, `${id} ${locale} item ${index + 1}`).toContain(words);
        }
        expect(await sheet.locator('.paper-print__name').innerText()).toBe(inForm(form.current.name, locale));
        printed += 1;
      }
      // Paper gets the form alone, on A4; a short form fits one sheet, none needs more than two.
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('.print-form-tools').isVisible()).toBe(false);
      expect(await page.locator('.app-header').first().isVisible().catch(() => false)).toBe(false);
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      expect(pdfPages(pdf), `${id}: pages`).toBeGreaterThanOrEqual(1);
      expect(pdfPages(pdf), `${id}: pages`).toBeLessThanOrEqual(2);
      // A4 is 595.3 × 841.9 points; Chromium rounds its media box either way.
      for (const [width, height] of pdfPageSizes(pdf)) {
        expect(Math.abs(width! - 595.3), `${id}: page width ${width}`).toBeLessThan(1.5);
        expect(Math.abs(height! - 841.9), `${id}: page height ${height}`).toBeLessThan(1.5);
      }
      await page.emulateMedia({ media: 'screen' });
    }
    expect(printed).toBeGreaterThanOrEqual(forms.length);
    await expectNoSeriousViolations(page, 'blank paper form');
    expect(problems).toEqual([]);
  });
});
