/**
 * Visitor codes: a short random code on a card or phone that lets a visitor be recognised as the same
 * person without any personal data. The alphabet leaves out look-alikes (0/O, 1/I/L, 2/Z, 5/S, 8/B, G/6)
 * so a code read aloud or typed from a worn card is not mistaken; the last character is a Luhn mod N
 * check character, which catches every single-character typo and most swaps of neighbours.
 */
export const CODE_ALPHABET = 'ACDEFHJKMNPQRTUVWXY34679';
const N = CODE_ALPHABET.length;
export const CODE_DATA_LENGTH = 6;

function checkCharacter(data: string): string {
  let factor = 2;
  let sum = 0;
  for (let i = data.length - 1; i >= 0; i--) {
    let addend = factor * CODE_ALPHABET.indexOf(data[i]!);
    factor = factor === 2 ? 1 : 2;
    addend = Math.floor(addend / N) + (addend % N);
    sum += addend;
  }
  return CODE_ALPHABET[(N - (sum % N)) % N]!;
}

/** Makes a new code from a source of random integers in [0, max) (crypto in production, seeded in tests). */
export function generateVisitorCode(randomInt: (max: number) => number): string {
  let data = '';
  for (let i = 0; i < CODE_DATA_LENGTH; i++) data += CODE_ALPHABET[randomInt(N)];
  return data + checkCharacter(data);
}

/** Upper-cases and drops spaces and dashes, so "acd-efh 7" and "ACDEFH7" are the same code. */
export function normaliseVisitorCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}

/** True when the (normalised) code has the right length, only alphabet characters and a matching check character. */
export function isValidVisitorCode(input: string): boolean {
  const code = normaliseVisitorCode(input);
  if (code.length !== CODE_DATA_LENGTH + 1) return false;
  if ([...code].some((ch) => !CODE_ALPHABET.includes(ch))) return false;
  return checkCharacter(code.slice(0, -1)) === code.slice(-1);
}

/** Shows a code in two halves for reading aloud: "ACD-EFH7". */
export function formatVisitorCode(code: string): string {
  const c = normaliseVisitorCode(code);
  return `${c.slice(0, 3)}-${c.slice(3)}`;
}
