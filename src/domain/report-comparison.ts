import { z } from 'zod';
import { isoDay } from './outreach.js';
import { reportQuerySchema, reportSchema } from './report.js';

/**
 * A comparison of two periods (same sites) or two site selections (same period): one report of two
 * sides, published with one suppression pass (src/domain/comparison-suppression.ts).
 */
export const comparisonQuerySchema = z
  .object({
    ...reportQuerySchema.shape,
    compare: z.enum(['period', 'sites']),
    /** The second period, when comparing periods. */
    from2: isoDay.optional(),
    to2: isoDay.optional(),
    /** The second site selection, when comparing sites (empty: all sites the reader may see). */
    siteIds2: reportQuerySchema.shape.siteIds,
  })
  .refine((q) => q.from <= q.to, { message: 'the period ends on or after its start', path: ['to'] })
  .refine((q) => q.compare !== 'period' || (q.from2 !== undefined && q.to2 !== undefined && q.from2 <= q.to2), { message: 'a second period is needed, ending on or after its start', path: ['to2'] });
export type ComparisonQuery = z.infer<typeof comparisonQuerySchema>;

export const comparisonSchema = z.object({
  /** The two sides, in the order asked; each says its own period and sites. */
  sides: z.array(reportSchema).length(2),
  /** How the scopes meet: none (disjoint), nested (one inside the other) or partial. */
  overlap: z.enum(['none', 'nested', 'partial']),
});
export type Comparison = z.infer<typeof comparisonSchema>;
