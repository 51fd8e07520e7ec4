// Deterministic "randomness" for set-based generation in SQL. Every value is a hash of a row number
// (hashint8extended, the same function on PGlite and PostgreSQL), so a seed always gives the same
// rows, on either engine, whatever the chunking, and without random()'s per-call state.
import { CODE_ALPHABET, CODE_DATA_LENGTH } from '../../src/domain/visitor-code.js';

/** A uniform value in [0, 1) from the SQL expression `key` (a whole number) and a salt per attribute. */
export function rand(key: string, seed: number, salt: number): string {
  return `((hashint8extended((${key})::int8, ${seed * 1_000 + salt}::int8) & 2147483647)::float8 / 2147483648.0)`;
}

/**
 * A CASE that picks a value by weight from a uniform value in [0, 1). Values are SQL literals as
 * written (quote text yourself); weights need not sum to 1.
 */
export function weighted(uniform: string, choices: readonly (readonly [string, number])[]): string {
  const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
  let cumulative = 0;
  const arms = choices.slice(0, -1).map(([value, weight]) => {
    cumulative += weight;
    return `when ${uniform} < ${(cumulative / total).toFixed(6)} then ${value}`;
  });
  return `(case ${arms.join(' ')} else ${choices[choices.length - 1]![0]} end)`;
}

export const text = (value: string): string => `'${value.replace(/'/g, "''")}'`;

/**
 * A UUIDv7-shaped id: 48 bits of Unix milliseconds (so ids sort by time, as the devices' UUIDv7 do),
 * the version nibble 7, a 12-bit `kind` tag and the row number `n` in the last 60 bits, which makes
 * it unique per table whatever the time.
 */
export function uuidV7(millis: string, kind: number, n: string): string {
  const tag = kind.toString(16).padStart(3, '0');
  return `(lpad(to_hex((${millis})::int8), 12, '0') || '7${tag}8' || lpad(to_hex((${n})::int8), 15, '0'))::uuid`;
}

/** A UUIDv4-shaped id (feedback responses must not carry a time): the row number under a fixed tag. */
export function uuidV4(kind: number, n: string): string {
  const tag = kind.toString(16).padStart(8, '0');
  return `('${tag}-0000-4000-8' || lpad(to_hex((${n})::int8), 15, '0'))::uuid`;
}

const BASE = CODE_ALPHABET.length;
const SPACE = BASE ** CODE_DATA_LENGTH;
// Coprime to 24 (odd, not a multiple of 3): v ↦ v·M mod 24⁶ is a bijection, so distinct visitors get
// distinct codes, and neighbouring visitor numbers get unrelated-looking codes.
const SCATTER = 7_368_787;

/**
 * The visitor code of visitor number `v` (0 ≤ v < 24⁶): six data characters of the code alphabet and
 * the Luhn mod 24 check character of src/domain/visitor-code.ts, computed in SQL.
 */
export function visitorCodeSql(v: string): string {
  const x = `((((${v})::int8 * ${SCATTER}) % ${SPACE}))`;
  // digit(0) is the rightmost data character.
  const digit = (position: number) => `((${x} / ${BASE ** position}) % ${BASE})`;
  const char = (d: string) => `substr('${CODE_ALPHABET}', (${d})::int + 1, 1)`;
  const folded = (d: string) => `((2 * ${d}) / ${BASE} + (2 * ${d}) % ${BASE})`;
  // The check walks from the rightmost character with factors 2, 1, 2, 1, …
  const sum = Array.from({ length: CODE_DATA_LENGTH }, (_, p) => (p % 2 === 0 ? folded(digit(p)) : digit(p))).join(' + ');
  const check = `((${BASE} - (${sum}) % ${BASE}) % ${BASE})`;
  const data = Array.from({ length: CODE_DATA_LENGTH }, (_, i) => char(digit(CODE_DATA_LENGTH - 1 - i)));
  return `(${[...data, char(check)].join(' || ')})`;
}

/** How many visitor numbers visitorCodeSql can tell apart. */
export const VISITOR_CODE_SPACE = SPACE;
