import { describe, expect, it } from 'vitest';
import { CODE_ALPHABET, generateVisitorCode } from '../../domain/visitor-code';
import { readScannedCode, readTypedCode } from './code-input';

const code = generateVisitorCode((max) => 7 % max);
/** The same code with its last character changed: a single typo the checksum must catch. */
const typo = code.slice(0, -1) + CODE_ALPHABET[(CODE_ALPHABET.indexOf(code.at(-1)!) + 1) % CODE_ALPHABET.length];

describe('reading a typed visitor code', () => {
  it('forgives case, spaces and dashes', () => {
    const typed = ` ${code.slice(0, 3).toLowerCase()}-${code.slice(3, 5)} ${code.slice(5)} `;
    expect(readTypedCode(typed)).toEqual({ kind: 'valid', code });
  });

  it('tells a missing or extra character apart from a typo', () => {
    expect(readTypedCode('')).toEqual({ kind: 'empty' });
    expect(readTypedCode(' - ')).toEqual({ kind: 'empty' });
    expect(readTypedCode(code.slice(0, -1))).toEqual({ kind: 'length' });
    expect(readTypedCode(`${code}A`)).toEqual({ kind: 'length' });
    expect(readTypedCode(typo)).toEqual({ kind: 'typo' });
    // look-alikes are not in the alphabet: a 0 typed for an O is a typo, not another code
    expect(readTypedCode(`${code.slice(0, 6)}0`)).toEqual({ kind: 'typo' });
  });
});

describe('reading a scanned QR code', () => {
  it('reads the bare code of a card and a link to its card page', () => {
    expect(readScannedCode(code)).toEqual({ kind: 'valid', code });
    expect(readScannedCode(`https://silta.example/visitors/${code.toLowerCase()}`)).toEqual({ kind: 'valid', code });
    expect(readScannedCode(`https://silta.example/visitors/${code}/?x=1`)).toEqual({ kind: 'valid', code });
  });

  it('rejects other QR codes and a damaged code', () => {
    expect(readScannedCode('https://example.com/')).toEqual({ kind: 'notACode' });
    expect(readScannedCode('')).toEqual({ kind: 'notACode' });
    expect(readScannedCode(typo)).toEqual({ kind: 'notACode' });
    expect(readScannedCode('https://silta.example/visitors/%E0%A4%A')).toEqual({ kind: 'notACode' });
  });
});
