import type { Locale } from '../../domain/org.js';
import fi from '../../web/i18n/features/servicesPublic.fi.json' with { type: 'json' };
import sv from '../../web/i18n/features/servicesPublic.sv.json' with { type: 'json' };
import en from '../../web/i18n/features/servicesPublic.en.json' with { type: 'json' };

/**
 * The public catalogue pages' texts: the web's feature files (servicesPublic.<lang>.json), read on the
 * server because these pages are rendered here, without JavaScript. Keys and {{placeholders}} are
 * i18next's (checked with the web's bundles by src/web/i18n/locales.test.ts); plurals use `_one`/`_other`.
 */
type Tree = { [key: string]: string | Tree };
const bundles: Record<Locale, Tree> = { fi, sv, en };

function lookup(tree: Tree, path: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of path.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' ? node : undefined;
}

export function pageTexts(lang: Locale) {
  // Finnish, Swedish and English cardinals have two forms: one (exactly 1) and other.
  const pluralOf = (count: number) => (count === 1 ? 'one' : 'other');
  return (key: string, vars: Record<string, string | number> = {}): string => {
    const plural = typeof vars.count === 'number' ? lookup(bundles[lang], `${key}_${pluralOf(vars.count)}`) ?? lookup(bundles[lang], `${key}_other`) : undefined;
    const text = plural ?? lookup(bundles[lang], key) ?? key;
    return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(vars[name] ?? ''));
  };
}
export type PageTexts = ReturnType<typeof pageTexts>;
