import { createHash, randomInt } from 'node:crypto';

// Crockford's base32: no I, L, O or U, so a code read aloud or copied from paper is hard to get wrong.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const LENGTH = 20; // 20 × 5 bits = 100 bits

/**
 * A new invitation code, e.g. `7KQ2-M9XD-4HVA-P0RT-ZC6E`. 100 random bits are beyond any search, so the
 * code is stored as a plain SHA-256 (found by it, no salt needed) rather than a slow password hash: a
 * slow hash protects low-entropy secrets, and would make every redemption pay for nothing. The PIN,
 * which has little entropy, gets argon2id.
 */
export function newInvitationCode(): string {
  const chars = Array.from({ length: LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return chars.match(/.{4}/g)!.join('-');
}

/** The code as typed (any case, spaces or hyphens, O for 0, I or L for 1), or null when it cannot be one. */
export function normalizeInvitationCode(typed: string): string | null {
  const code = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (code.length !== LENGTH || [...code].some((c) => !ALPHABET.includes(c))) return null;
  return code;
}

export const hashInvitationCode = (normalized: string) => createHash('sha256').update(normalized).digest('base64url');
