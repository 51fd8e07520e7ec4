import { and, eq, ne, sql, type SQL } from 'drizzle-orm';
import { isValidSlug, SLUG_MAX } from '../../domain/site-address.js';
import { cleanTranslations, type Translations } from '../../domain/translations.js';
import { sites } from '../db/schema.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';

type Executor = Pick<Deps['db']['orm'], 'select'>;

/**
 * The slug a create or update stores. An address the administrator typed is checked for its shape
 * (400) and for being free in the whole instance (409), each with details the form turns into a
 * message of its own; a new site without one gets the database's suggestion from its name
 * (site_slug_free in migration 0016: the name transliterated, -2, -3, … when taken).
 */
export async function chosenSlug(ex: Executor, siteId: string, name: string, asked: string | undefined): Promise<string | SQL> {
  if (asked === undefined || asked === '') return sql`site_slug_free(${name}, ${siteId}::uuid)`;
  if (!isValidSlug(asked)) {
    throw new AppError('bad_request', `The short address may use only a–z, 0–9 and single hyphens between them, 2–${SLUG_MAX} characters.`, { field: 'slug', reason: 'format' });
  }
  const [taken] = await ex.select({ id: sites.id }).from(sites).where(and(eq(sites.slug, asked), ne(sites.id, siteId)));
  if (taken) throw new AppError('conflict', `The short address /s/${asked} is already in use.`, { field: 'slug', reason: 'taken' });
  return asked;
}

/** Room translations for the rooms the site has, without empty versions. */
export function roomTranslationsFor(rooms: string[], input: Record<string, Translations>): Record<string, Translations> {
  const kept: Record<string, Translations> = {};
  for (const room of rooms) {
    const versions = cleanTranslations(input[room] ?? {});
    if (Object.keys(versions).length > 0) kept[room] = versions;
  }
  return kept;
}
