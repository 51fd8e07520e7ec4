import { z } from 'zod';

/**
 * Sending many encounters in one request (POST /api/encounters/batch): what the offline outbox uses
 * when the network returns, so a phone that kept a day's work offline does not need one request each.
 */

/** The most encounters the server takes in one request. */
export const ENCOUNTER_BATCH_MAX = 200;

// The outbox's limits live in a zod-free module: the outbox is part of the first page's JavaScript.
export { OUTBOX_BATCH_BYTES, OUTBOX_BATCH_ENTRIES } from './outbox-limits';

export const encounterBatchStatuses = ['created', 'exists', 'refused'] as const;
export type EncounterBatchStatus = (typeof encounterBatchStatuses)[number];

/**
 * One result per sent item, in the order sent. `created`: stored now; `exists`: the same entry was
 * stored before (a resend); `refused`: not stored, with the error the single route would have answered.
 */
export const encounterBatchItemResultSchema = z.object({
  id: z.string(),
  status: z.enum(encounterBatchStatuses),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
});
export type EncounterBatchItemResult = z.infer<typeof encounterBatchItemResultSchema>;

export const encounterBatchResponseSchema = z.object({ results: z.array(encounterBatchItemResultSchema) });
export type EncounterBatchResponse = z.infer<typeof encounterBatchResponseSchema>;
