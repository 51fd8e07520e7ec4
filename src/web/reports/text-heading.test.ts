import { describe, expect, it } from 'vitest';
import { textBody, textHeading } from './text-heading';

const texts: Record<string, string> = {
  'pilots.phaseName.start': 'Aloitusvaihe',
  'pilots.phaseName.midpoint': 'Väliarviointi {{number}}',
  'pilots.phaseName.end': 'Lopetusvaihe',
  'pilots.questions.targetGroup': 'Kohderyhmä',
  'pilots.phaseForm.decision': 'Päätös',
  'pilots.decision.continue': 'Jatketaan',
  'report.texts.conclusions': 'Arvioijan johtopäätökset',
};
const t = (key: string, options?: Record<string, unknown>) => (texts[key] ?? key).replace('{{number}}', String((options?.number as string | number | undefined) ?? ''));
const exists = (key: string) => key in texts;

describe('headings of report texts', () => {
  it('names an open answer by its question in the reader’s language, falling back to Finnish', () => {
    const label = { fi: 'Mitä muuta?', sv: 'Något annat?', en: '' };
    expect(textHeading({ key: 'b7d4…', text: 'Kiitos', label }, 'sv', t, exists)).toBe('Något annat?');
    expect(textHeading({ key: 'b7d4…', text: 'Kiitos', label }, 'en', t, exists)).toBe('Mitä muuta?');
  });

  it('names a pilot’s phase answer by phase (with the midpoint’s number) and question', () => {
    expect(textHeading({ key: 'start.targetGroup', text: 'x' }, 'fi', t, exists)).toBe('Aloitusvaihe: Kohderyhmä');
    expect(textHeading({ key: 'midpoint.2.targetGroup', text: 'x' }, 'fi', t, exists)).toBe('Väliarviointi 2: Kohderyhmä');
    expect(textHeading({ key: 'end.decision', text: 'continue' }, 'fi', t, exists)).toBe('Lopetusvaihe: Päätös');
    expect(textBody({ key: 'end.decision', text: 'continue' }, t, exists)).toBe('Jatketaan');
  });

  it('uses the report’s own text keys, and shows an unknown key as it is', () => {
    expect(textHeading({ key: 'conclusions', text: 'x' }, 'fi', t, exists)).toBe('Arvioijan johtopäätökset');
    expect(textHeading({ key: 'something.new', text: 'x' }, 'fi', t, exists)).toBe('something.new');
  });
});
