import { describe, expect, it } from 'vitest';
import en from './bundle-en';
import fi from './bundle-fi';
import sv from './bundle-sv';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const result = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (typeof value === 'string') result.set(path, value);
    else for (const [inner, text] of leaves(value, path)) result.set(inner, text);
  }
  return result;
}

const placeholders = (text: string): string[] => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] ?? '').sort();

describe('translations', () => {
  const reference = leaves(fi);

  for (const [name, bundle] of [['sv', sv], ['en', en]] as const) {
    it(`${name} has exactly the keys Finnish has`, () => {
      expect([...leaves(bundle).keys()].sort()).toEqual([...reference.keys()].sort());
    });

    it(`${name} uses the same {{placeholders}} as Finnish in every string`, () => {
      const other = leaves(bundle);
      const mismatched = [...reference].filter(([key, text]) => placeholders(text).join() !== placeholders(other.get(key) ?? '').join());
      expect(mismatched.map(([key]) => key)).toEqual([]);
    });
  }

  it('no string is empty in any language', () => {
    const empty = [fi, sv, en].flatMap((bundle) => [...leaves(bundle)].filter(([, text]) => text.trim() === '').map(([key]) => key));
    expect(empty).toEqual([]);
  });
});
