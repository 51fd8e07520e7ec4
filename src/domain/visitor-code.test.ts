import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CODE_ALPHABET, formatVisitorCode, generateVisitorCode, isValidVisitorCode, normaliseVisitorCode } from './visitor-code.js';

const code = fc.array(fc.nat({ max: CODE_ALPHABET.length - 1 }), { minLength: 6, maxLength: 6 }).map((picks) => {
  let i = 0;
  return generateVisitorCode(() => picks[i++]!);
});

describe('visitor codes', () => {
  it('are valid when generated, also after formatting and lower-casing', () => {
    fc.assert(fc.property(code, (c) => isValidVisitorCode(c) && isValidVisitorCode(formatVisitorCode(c).toLowerCase())));
  });

  it('catch every single-character typo', () => {
    fc.assert(
      fc.property(code, fc.nat({ max: 6 }), fc.nat({ max: CODE_ALPHABET.length - 2 }), (c, position, shift) => {
        const original = CODE_ALPHABET.indexOf(c[position]!);
        const replacement = CODE_ALPHABET[(original + 1 + shift) % CODE_ALPHABET.length]!;
        const typo = c.slice(0, position) + replacement + c.slice(position + 1);
        expect(typo).not.toBe(c);
        expect(isValidVisitorCode(typo)).toBe(false);
      }),
    );
  });

  it('catch most swaps of neighbouring characters', () => {
    let swaps = 0;
    let caught = 0;
    fc.assert(
      fc.property(code, fc.nat({ max: 5 }), (c, position) => {
        if (c[position] === c[position + 1]) return;
        swaps++;
        const swapped = c.slice(0, position) + c[position + 1]! + c[position]! + c.slice(position + 2);
        if (!isValidVisitorCode(swapped)) caught++;
      }),
      { numRuns: 2000 },
    );
    expect(caught / swaps).toBeGreaterThan(0.9);
  });

  it('refuse look-alike characters and wrong lengths', () => {
    expect(isValidVisitorCode('ACDEFH')).toBe(false);
    expect(isValidVisitorCode('0OIL1ZS')).toBe(false);
    expect(normaliseVisitorCode(' acd-efh7 ')).toBe('ACDEFH7');
  });
});
