import { z } from 'zod';

/**
 * A site's short public address, /s/<slug> (issue 17 item 17). Unique in the whole instance: the
 * typed address has no region in it (docs/ARCHITECTURE.md, "Public pages").
 */
export const SLUG_MAX = 60;
/** Lowercase a–z and 0–9 in hyphen-separated parts: no leading, trailing or double hyphen. */
export const slugPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export const isValidSlug = (slug: string): boolean => slug.length >= 2 && slug.length <= SLUG_MAX && slugPattern.test(slug);

// Letters the NFD decomposition does not reduce to a–z on its own.
const special: Record<string, string> = { ß: 'ss', æ: 'ae', ø: 'o', œ: 'oe', đ: 'd', ł: 'l' };

/**
 * The address suggested from a site's name: "Kemin päiväkeskus" → "kemin-paivakeskus". The same
 * rule as site_slug_base in migration 0016, which fills the address when none is given.
 */
export function suggestSlug(name: string): string {
  const ascii = name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[ßæøœđł]/g, (c) => special[c] ?? c);
  const slug = ascii.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, SLUG_MAX).replace(/-+$/, '');
  return slug === '' ? 'paikka' : slug;
}

/**
 * What the API takes: trimmed and lower-cased (people type "Rovaniemi"), checked by the command so
 * that a malformed address gets its own clear error rather than the generic shape error.
 */
export const slugInputSchema = z.string().trim().toLowerCase().max(200);
