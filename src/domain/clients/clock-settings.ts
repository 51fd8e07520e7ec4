import { z } from 'zod';
import { clockBases, clockSteps, clockUnits, defaultProcessClocks, type ProcessClock } from './clocks.js';

/**
 * A deployment's process clocks (issue 18 item 3): which clocks exist, the step each waits for, its
 * length in calendar days, working days or months, and whether it is statutory or local. Read from the
 * setting SILTA_PROCESS_CLOCKS (a JSON array) at start; without it the defaults hold.
 *
 * Why a setting and not a table an administrator edits: every other deployment-wide choice that moves
 * deadlines (SILTA_EVES_ARE_WORKING_DAYS, SILTA_REPORT_THRESHOLD) is an environment setting read once
 * at start and refused there when wrong, and the clocks change as rarely as the law and the service
 * level do. A deadline is worked out once, at the contact, and stored with its clock's key and basis,
 * so a changed setting applies to contacts from then on and never rewrites what a worker was already
 * told; a table would need its own editing pages, audit and per-region rules for the same effect.
 */

/** Longest limits accepted: a clock longer than a year (or 250 working days) is a typing error. */
const MAX = { calendar_days: 366, working_days: 250, months: 12 } as const;

const clockSchema = z
  .object({
    key: z.string().regex(/^[a-z][a-z0-9_]{1,62}$/, 'a key is 2–63 characters of a–z, 0–9 and _, starting with a letter'),
    basis: z.enum(clockBases),
    step: z.enum(clockSteps),
    limit: z.strictObject({ count: z.number().int().min(1), unit: z.enum(clockUnits) }),
    onlyStatutoryGroup: z.boolean().default(false),
    source: z.string().trim().min(1).max(200),
  })
  .strict()
  .refine((c) => c.limit.count <= MAX[c.limit.unit], { message: 'the limit is longer than a year', path: ['limit', 'count'] });

const clocksSchema = z
  .array(clockSchema)
  .max(20)
  .refine((list) => new Set(list.map((c) => c.key)).size === list.length, { message: 'two clocks have the same key' });

export type ClockSettingsResult = { ok: true; clocks: ProcessClock[] } | { ok: false; problems: string[] };

/** Parses the setting's text; each problem names where in the JSON it is. */
export function parseProcessClocks(text: string): ClockSettingsResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [`not JSON (${error instanceof Error ? error.message : String(error)})`] };
  }
  const parsed = clocksSchema.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((i) => `${i.path.length > 0 ? `[${i.path.join('.')}] ` : ''}${i.message}`) };
  }
  return { ok: true, clocks: parsed.data };
}

/** The defaults as the setting would spell them: a starting point for a deployment's own. */
export const defaultClocksSetting = (): string => JSON.stringify(defaultProcessClocks);
