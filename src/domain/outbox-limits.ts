// Kept apart from encounter-batch.ts (which builds zod schemas) so that the web outbox, loaded with
// the first page, does not pull zod into the first route's JavaScript.

/**
 * What the web outbox puts in one request: at most this many entries and this many bytes of JSON, so
 * that a batch of large entries (many codes and referrals) still stays under the server's 256 KiB body limit.
 */
export const OUTBOX_BATCH_ENTRIES = 100;
export const OUTBOX_BATCH_BYTES = 192 * 1024;
