import { CODE_DATA_LENGTH, isValidVisitorCode, normaliseVisitorCode } from '../../domain/visitor-code';

/** What a typed or scanned code turned out to be, checked in the browser before the server is asked. */
export type CodeReading =
  | { kind: 'valid'; code: string }
  | { kind: 'empty' }
  /** Too short or too long: a character is missing or extra. */
  | { kind: 'length' }
  /** The right length, but a character outside the alphabet or a wrong check character: a typo. */
  | { kind: 'typo' };

const codeLength = CODE_DATA_LENGTH + 1;

/** Reads a typed code; case, spaces and dashes are forgiven ("acd-efh 7" is "ACDEFH7"). */
export function readTypedCode(input: string): CodeReading {
  const code = normaliseVisitorCode(input);
  if (code === '') return { kind: 'empty' };
  if (code.length !== codeLength) return { kind: 'length' };
  return isValidVisitorCode(code) ? { kind: 'valid', code } : { kind: 'typo' };
}

/**
 * Reads what a QR code held. Silta's cards hold the bare code; a link ending in /visitors/<code>
 * (should a card ever be printed with one) is read too. Anything else is not a visitor code.
 */
export function readScannedCode(raw: string): { kind: 'valid'; code: string } | { kind: 'notACode' } {
  const text = raw.trim();
  const fromLink = /\/visitors\/([^/?#]+)\/?(?:[?#].*)?$/i.exec(text);
  let candidate = text;
  try {
    if (fromLink) candidate = decodeURIComponent(fromLink[1] ?? '');
  } catch {
    return { kind: 'notACode' };
  }
  const reading = readTypedCode(candidate);
  return reading.kind === 'valid' ? reading : { kind: 'notACode' };
}
