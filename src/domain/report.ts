import { z } from 'zod';
import { isoDay, sessionKinds } from './outreach.js';

/**
 * The evaluation report (domain.md § 5): the contract between the server that computes it, the page
 * that shows it and the exports. Every figure lives in a table, so that one suppression routine, one
 * CSV writer and one workbook writer serve every section, and every chart has its table beside it.
 */

export const SUPPRESSION_DEFAULT = 5;
/** The deployment may raise the threshold, never lower it below this. */
export const SUPPRESSION_MINIMUM = 3;

const uuid = z.uuid();
const idList = z
  .string()
  .max(4000)
  .transform((s) => s.split(',').map((p) => p.trim()).filter((p) => p !== ''))
  .pipe(z.array(uuid).max(200));

/** What the report is about. No site list: all sites the reader may see in the region. */
export const reportQuerySchema = z
  .object({
    siteIds: idList.optional(),
    from: isoDay,
    to: isoDay,
    pilotId: uuid.optional(),
    sessionKind: z.enum(sessionKinds).optional(),
    /** The exact internal view: needs the "unsuppressed" permission, and switching to it is audited. */
    exact: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
    /** Share of encounters the suggested reception window must cover, in percent. */
    windowShare: z.coerce.number().int().min(50).max(100).default(80),
  })
  .refine((q) => q.from <= q.to, { message: 'the period ends on or after its start', path: ['to'] });
export type ReportQuery = z.infer<typeof reportQuerySchema>;

/**
 * Kinds of column: `count` is a number of people, meetings or answers and is suppressed when small;
 * `measure` is not about people (sessions held, hours) and is never suppressed; `percent` (0–100) and
 * `mean` are derived from counts and are hidden when what they rest on is suppressed or too small.
 */
export const columnKinds = ['count', 'measure', 'percent', 'mean'] as const;
export type ColumnKind = (typeof columnKinds)[number];

const localized = z.object({ fi: z.string(), sv: z.string(), en: z.string() });
export type LocalizedLabel = z.infer<typeof localized>;

/**
 * Why a figure is hidden (docs/PRIVACY.md): `small` a count really below the threshold; `complementary`
 * hidden so that a small figure cannot be worked out from totals; `linked` hidden because the same
 * figure is hidden in another table of the report; `derived` a share or mean whose numerator is hidden
 * or whose base is below the threshold. Each has its own mark, so that "<5" is only ever a small count.
 */
export const suppressionReasons = ['small', 'complementary', 'linked', 'derived'] as const;
export type SuppressionReason = (typeof suppressionReasons)[number];

/**
 * One figure. `value` null with `suppressed` true is hidden, and `reason` says why (always set by the
 * server; a hidden cell without one reads as complementary, never as small); null without it is
 * "not available".
 */
export const reportCellSchema = z.object({ value: z.number().nullable(), suppressed: z.boolean(), reason: z.enum(suppressionReasons).optional() });
export type ReportCell = z.infer<typeof reportCellSchema>;

export const reportRowSchema = z.object({
  /** A stable code (age band, service code, ISO weekday, a day…); the page translates known codes. */
  key: z.string(),
  /** A label from the data itself (service or code names, group names), when the key alone is not readable. */
  label: localized.nullable(),
  cells: z.array(reportCellSchema),
});
export type ReportRow = z.infer<typeof reportRowSchema>;

export const reportTableSchema = z.object({
  /** e.g. `referrals.byServiceAndStatus`; the page names tables and columns from it through i18n. */
  key: z.string(),
  /** What the table is about, when the key alone does not say it (a choice question's wording). */
  label: localized.nullable().optional(),
  columns: z.array(
    z.object({
      key: z.string(),
      kind: z.enum(columnKinds),
      label: localized.nullable(),
      /**
       * For a percent column: `total` when it is the count column just before it as a share of that
       * column's total (the totals row), so that a zero share of a large enough whole can be shown.
       * Otherwise (absent) it rests on every count of its row.
       */
      shareOf: z.enum(['total']).optional(),
      /**
       * For a mean resting on another table's counts (a group's mean attendance on its sessions'
       * totals): `otherTable`, so that a hidden count of its own row (the smallest session) does not
       * hide it; the linking step hides it when what it rests on is hidden.
       */
      basis: z.enum(['otherTable']).optional(),
    }),
  ),
  rows: z.array(reportRowSchema),
  /** Column totals (a last row), or null when the table has none. */
  totals: z.array(reportCellSchema).nullable(),
  /** Whether the last column is each row's total (for complementary suppression). */
  hasRowTotals: z.boolean(),
});
export type ReportTable = z.infer<typeof reportTableSchema>;

export const reportSectionKeys = [
  'overview',
  'professionals',
  'visits',
  'referrals',
  'ageBands',
  'needsSupport',
  'timing',
  'daylog',
  'groups',
  'feedback',
  'pilot',
] as const;
export type ReportSectionKey = (typeof reportSectionKeys)[number];

export const reportSectionSchema = z.object({
  key: z.enum(reportSectionKeys),
  tables: z.array(reportTableSchema),
  /**
   * Free text of the section, e.g. open feedback answers (permitted readers only) or the evaluator's
   * conclusions. Texts with the same key belong together; `label` names them when the key is an id
   * (an open question's wording).
   */
  texts: z.array(z.object({ key: z.string(), text: z.string(), label: localized.nullable().optional() })),
});
export type ReportSection = z.infer<typeof reportSectionSchema>;

export const reportSchema = z.object({
  query: z.object({ siteIds: z.array(z.string()), from: z.string(), to: z.string(), pilotId: z.string().nullable(), sessionKind: z.string().nullable(), windowShare: z.number() }),
  sites: z.array(z.object({ id: z.string(), name: z.string() })),
  /** True when figures below the threshold are hidden (the published view). */
  isSuppressed: z.boolean(),
  threshold: z.number(),
  /** Whether this reader may switch to the exact view. */
  canSeeExact: z.boolean(),
  generatedAt: z.string(),
  /**
   * The rollup figures include every change committed before this time (ISO; null before the first
   * fold). Reads never wait for the fold, so the figures may be up to a minute behind the data.
   */
  figuresAsOf: z.string().nullable().optional(),
  sections: z.array(reportSectionSchema),
});
export type Report = z.infer<typeof reportSchema>;

/** Reads a cell's number, or null when it is suppressed or not available. */
export const cellValue = (cell: ReportCell | undefined): number | null => (cell && !cell.suppressed ? cell.value : null);
