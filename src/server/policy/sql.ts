import { sql, type SQL } from 'drizzle-orm';
import type { Condition, ConditionKind } from '../../domain/policy/index.js';

/**
 * How one table answers each fact a condition may ask about, as SQL. A list query compiles the same
 * condition that `can` evaluates for a single resource, so the two cannot disagree. A condition that
 * asks about a fact the table does not map is a programming error and throws (it would otherwise be
 * silently granted or refused).
 */
export type FactColumns = {
  [K in Exclude<ConditionKind, 'always' | 'never' | 'and' | 'or'>]?: (condition: Extract<Condition, { kind: K }>) => SQL;
};

/** Compiles a condition into a WHERE fragment for the table described by `columns`. */
export function compileCondition(condition: Condition, columns: FactColumns): SQL {
  if (condition.kind === 'always') return sql`true`;
  if (condition.kind === 'never') return sql`false`;
  if (condition.kind === 'and' || condition.kind === 'or') {
    const parts = condition.of.map((c) => sql`(${compileCondition(c, columns)})`);
    return sql.join(parts, condition.kind === 'and' ? sql` and ` : sql` or `);
  }
  const fact = columns[condition.kind] as ((c: Condition) => SQL) | undefined;
  if (!fact) throw new Error(`The policy asks about "${condition.kind}", which this table does not map.`);
  return fact(condition);
}
