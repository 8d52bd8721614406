import type { Sql } from '../storage/database.js';
import type { ReportFilters } from './filters.js';
import { Params, whereOf } from './where.js';

export type Measure = 'touchpoints' | 'shown' | 'dismissed' | 'move' | 'awarded' | 'redeemed' | 'variant_shown';

/** The Monday that starts a day's ISO week, as date arithmetic (no time zone involved). */
export const bucketOf = (interval: 'day' | 'week', column = 'day') => (interval === 'day' ? column : `(${column} - (extract(isodow FROM ${column})::int - 1))`);

/**
 * Sums of the daily roll-up for some measures, grouped by SQL expressions over its columns.
 * `byPrompt` applies the prompt filter, which only prompt measures (shown, dismissed) carry.
 */
export async function dailyCounts(
  sql: Sql,
  filters: ReportFilters,
  measures: Measure[],
  groups: string[],
  byPrompt: boolean,
): Promise<Array<{ groups: string[]; measure: Measure; count: number; amount: number }>> {
  const params = new Params();
  const where = whereOf(filters, { time: 'day', stage: true, prompt: byPrompt }, params);
  const keys = groups.map((group, n) => `${group}::text AS g${n}`);
  const rows = await sql.query<Record<string, string>>(
    `SELECT ${[...keys, 'measure'].join(', ')}, sum(count) AS count, sum(amount) AS amount FROM waymark_daily
     WHERE measure = ANY(${params.add(measures)}::text[]) AND ${where} GROUP BY ${groups
       .map((_, n) => n + 1)
       .concat(groups.length + 1)
       .join(', ')}`,
    params.values,
  );
  return rows.map((row) => ({
    groups: groups.map((_, n) => row[`g${n}`] ?? ''),
    measure: row.measure as Measure,
    count: Number(row.count),
    amount: Number(row.amount),
  }));
}
