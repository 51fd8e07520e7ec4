/**
 * The Finnish personal identity code (henkilötunnus): DDMMYY, a century sign, a three-digit individual
 * number and a check character. Since 1.1.2023 the 1900s may also be written with Y X W V U and the
 * 2000s with B C D E F, besides the old '-' and 'A' (Digital and Population Data Services Agency's
 * decree 2022); '+' is the 1800s.
 *
 * The code identifies a person: it is shown only masked (`maskIdentityCode`), travels in request
 * bodies only (never in a URL), and is never written to an audit row or a log.
 */

const centuries: Record<string, number> = {
  '+': 1800,
  '-': 1900, Y: 1900, X: 1900, W: 1900, V: 1900, U: 1900,
  A: 2000, B: 2000, C: 2000, D: 2000, E: 2000, F: 2000,
};

/** The 31 check characters: the remainder of DDMMYYNNN ÷ 31 picks one (G I O Q Z are left out). */
const checkCharacters = '0123456789ABCDEFHJKLMNPRSTUVWXY';

/** Why a code was refused; the web words each in the user's language. */
export const identityCodeProblems = ['format', 'century', 'date', 'individual_number', 'checksum'] as const;
export type IdentityCodeProblem = (typeof identityCodeProblems)[number];

export type IdentityCodeCheck =
  | { ok: true; code: string; birthDay: string; isTemporary: boolean }
  | { ok: false; problem: IdentityCodeProblem };

const pad = (n: number, width: number) => String(n).padStart(width, '0');

function isRealDay(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(2000, month - 1, day));
  d.setUTCFullYear(year);
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/**
 * Checks a code as typed (surrounding spaces and lower case are forgiven). A valid code comes back in
 * its canonical form with the birth day; individual numbers 900–999 are temporary codes.
 */
export function checkIdentityCode(input: string): IdentityCodeCheck {
  const code = input.trim().toUpperCase();
  const match = /^(\d{2})(\d{2})(\d{2})(.)(\d{3})([0-9A-Z])$/.exec(code);
  if (!match) return { ok: false, problem: 'format' };
  const [, dd, mm, yy, sign, individual, check] = match as unknown as [string, string, string, string, string, string, string];
  const century = centuries[sign];
  if (century === undefined) return { ok: false, problem: 'century' };
  const year = century + Number(yy);
  if (!isRealDay(year, Number(mm), Number(dd))) return { ok: false, problem: 'date' };
  const number = Number(individual);
  if (number < 2) return { ok: false, problem: 'individual_number' };
  const expected = checkCharacters[Number(`${dd}${mm}${yy}${individual}`) % 31];
  if (check !== expected) return { ok: false, problem: 'checksum' };
  return { ok: true, code, birthDay: `${pad(year, 4)}-${mm}-${dd}`, isTemporary: number >= 900 };
}

/** The check character for the first ten characters of a code (for tests and made-up demo codes). */
export function identityCodeCheckCharacter(dateAndNumber: string): string {
  return checkCharacters[Number(dateAndNumber) % 31]!;
}

/**
 * What staff see of a stored code: the birth date and century sign, never the individual number or
 * the check character ("010190-****"). The date alone does not single anyone out among the region's
 * clients, and the check character was left out because with the date it narrows the individual
 * number to a few dozen candidates.
 */
export function maskIdentityCode(code: string): string {
  return `${code.slice(0, 7)}****`;
}
