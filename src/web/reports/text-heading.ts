import type { Locale } from '../../domain/org';

type Text = { key: string; text: string; label?: { fi: string; sv: string; en: string } | null };
type Translate = (key: string, options?: Record<string, unknown>) => string;

/**
 * The heading of a group of section texts: the wording the data brings (an open question), a pilot's
 * phase and question (`start.targetGroup`, `midpoint.2.successes`), or a known report text key.
 * Keys with dots are parsed here, because i18next would read the dots as nesting.
 */
export function textHeading(text: Text, locale: Locale, t: Translate, exists: (key: string) => boolean): string {
  if (text.label) return text.label[locale] || text.label.fi;
  const phase = /^(start|end)\.(\w+)$/.exec(text.key) ?? /^(midpoint)\.(\d+)\.(\w+)$/.exec(text.key);
  if (phase) {
    const [kind, number, field] = phase.length === 4 ? [phase[1]!, phase[2]!, phase[3]!] : [phase[1]!, '', phase[2]!];
    const phaseName = t(`pilots.phaseName.${kind}`, { number });
    const question = field === 'decision' ? t('pilots.phaseForm.decision') : exists(`pilots.questions.${field}`) ? t(`pilots.questions.${field}`) : field;
    return `${phaseName}: ${question}`;
  }
  return exists(`report.texts.${text.key}`) ? t(`report.texts.${text.key}`) : text.key;
}

/** A text as shown: a pilot's decision is a code (continue/change/stop) and is shown in words. */
export function textBody(text: Text, t: Translate, exists: (key: string) => boolean): string {
  if (/^end\.decision$/.test(text.key) && exists(`pilots.decision.${text.text}`)) return t(`pilots.decision.${text.text}`);
  return text.text;
}
