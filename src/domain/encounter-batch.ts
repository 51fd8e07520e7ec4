import { z } from 'zod';

/**
 * Sending many encounters in one request (POST /api/encounters/batch): what the offline outbox uses
 * when the network returns, so a phone that kept a day's work offline does not need one request each.
 */

/** The most encounters the server takes in one request. */
export const ENCOUNTER_BATCH_MAX = 200;

/**
 * What the web outbox puts in one request: at most this many entries and this many bytes of JSON, so
 * that a batch of large entries (many codes and referrals) still stays under the server's 256 KiB body limit.
 */
export const OUTBOX_BATCH_ENTRIES = 100;
export const OUTBOX_BATCH_BYTES = 192 * 1024;

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
