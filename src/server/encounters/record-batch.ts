import { inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { EncounterBatchItemResult } from '../../domain/encounter-batch.js';
import { encounters } from '../db/schema-outreach.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { assertResendOf, recordEncounter } from './create-encounter.js';
import { encounterCreateSchema } from './schemas.js';
import { loadSiteFor } from '../policy/site-access.js';
import type { Ctx } from '../http/context.js';

/** A batch item before its own validation: only the id is checked for the batch as a whole. */
export type BatchItem = { id: string } & Record<string, unknown>;

type Refusal = NonNullable<EncounterBatchItemResult['error']>;

// Postgres states that mean bad input rather than a fault (the same ones the error handler answers with 4xx).
const inputSqlState = /^(22|23)/;

/**
 * The error the single route would have answered with 4xx, or null for a fault of the server or the
 * database: that one fails the whole request, so the device keeps the rest and sends it again later.
 */
function refusalOf(error: unknown): Refusal | null {
  if (error instanceof AppError) return error.status < 500 ? { code: error.code, message: error.message } : null;
  const sqlState = ((error as { cause?: { code?: unknown } } | null)?.cause?.code ?? (error as { code?: unknown } | null)?.code);
  if (typeof sqlState === 'string' && inputSqlState.test(sqlState)) {
    return sqlState === '23505' ? { code: 'conflict', message: 'That already exists.' } : { code: 'bad_request', message: 'A value has the wrong format or refers to something that does not exist.' };
  }
  return null;
}

async function storedAmong(deps: Deps, ids: string[]): Promise<Map<string, { createdBy: string; siteId: string }>> {
  const rows = await deps.db.orm.select({ id: encounters.id, createdBy: encounters.createdBy, siteId: encounters.siteId }).from(encounters).where(inArray(encounters.id, ids));
  return new Map(rows.map((r) => [r.id, r]));
}

function invalid(error: z.ZodError): Refusal {
  const issues = error.issues.map((issue) => `${issue.path.join('.') || '(entry)'}: ${issue.message}`);
  return { code: 'bad_request', message: `The entry does not match the expected shape. ${issues.slice(0, 5).join('; ')}` };
}

/**
 * Records each item exactly as POST /api/encounters would: the same validation, the same authorisation
 * on its site, its own transaction and audit row. Items are independent: a refused item is reported
 * and the next one goes on, and since each encounter is stored in one transaction, a failure never
 * leaves half an encounter behind. One after another on purpose: the order on the device is kept
 * (a repeat visit is counted as repeat only after the first), and one request never takes more than
 * one database connection.
 */
export async function recordEncounterBatch(deps: Deps, ctx: Ctx, items: BatchItem[]): Promise<EncounterBatchItemResult[]> {
  const results: EncounterBatchItemResult[] = [];
  // A device resends a batch when it never saw the answer: most items are then stored already. One
  // query finds them, and each site's access is checked once, instead of a save attempt per item.
  const stored = await storedAmong(deps, items.map((i) => i.id));
  const siteChecks = new Map<string, Promise<unknown>>();
  const checkSite = (siteId: string) => {
    if (!siteChecks.has(siteId)) siteChecks.set(siteId, loadSiteFor(deps.db.orm, ctx.actor, siteId, 'encounter.create'));
    return siteChecks.get(siteId)!;
  };
  for (const item of items) {
    const parsed = encounterCreateSchema.safeParse(item);
    if (!parsed.success) {
      results.push({ id: item.id, status: 'refused', error: invalid(parsed.error) });
      continue;
    }
    try {
      const existing = stored.get(item.id);
      if (existing) {
        // The same checks, in the same order, as recordEncounter makes for an entry it already has.
        await checkSite(parsed.data.siteId);
        assertResendOf(existing, ctx, parsed.data.siteId);
        results.push({ id: item.id, status: 'exists' });
        continue;
      }
      const { isNew } = await recordEncounter(deps, ctx, parsed.data);
      results.push({ id: item.id, status: isNew ? 'created' : 'exists' });
    } catch (error) {
      const refusal = refusalOf(error);
      if (refusal === null) throw error;
      results.push({ id: item.id, status: 'refused', error: refusal });
    }
  }
  return results;
}
