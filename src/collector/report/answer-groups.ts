import type { Sql } from '../storage/database.js';
import { answerRows, type AnswerCounts } from './answers-sql.js';
import { bucketOf } from './counters-sql.js';
import type { ReportFilters } from './filters.js';
import { sharedPass } from './shared-pass.js';
import { Params } from './where.js';

/** The groupings the report shows answer KPIs by: the range's total, per prompt, per stage, per day or week. */
export type AnswerGroup = 'all' | 'prompt' | 'stage' | 'bucket';

type Grouped = Record<AnswerGroup, AnswerCounts[]>;

/** The answer KPIs summed over answer rows (answers-sql.ts, answerRows): the columns of AnswerCounts. */
export const KPI_SUMS = `max(CASE WHEN kpi IN ('csat', 'ces', 'plain') THEN 'rating' WHEN kpi IN ('nps', 'exit') THEN kpi END) AS kind,
       sum(count) AS answered, coalesce(sum(count) FILTER (WHERE NOT complete), 0) AS partial,
       coalesce(sum(count) FILTER (WHERE kpi = 'nps' AND score >= 9), 0) AS promoters,
       coalesce(sum(count) FILTER (WHERE kpi = 'nps' AND score >= 7 AND score < 9), 0) AS passives,
       coalesce(sum(count) FILTER (WHERE kpi = 'nps' AND score < 7), 0) AS detractors,
       coalesce(sum(count) FILTER (WHERE kpi = 'csat' AND score IS NOT NULL AND top), 0) AS "csatTop",
       coalesce(sum(count) FILTER (WHERE kpi = 'csat' AND score IS NOT NULL), 0) AS "csatTotal",
       coalesce(sum(amount) FILTER (WHERE kpi = 'ces' AND score IS NOT NULL), 0) AS "cesSum",
       coalesce(sum(count) FILTER (WHERE kpi = 'ces' AND score IS NOT NULL), 0) AS "cesTotal"`;

/**
 * The totals, prompts, stages and trends of a report all sum the same answer rows, so they
 * share one GROUPING SETS query instead of scanning them four times.
 */
async function groupedCounts(sql: Sql, filters: ReportFilters): Promise<Grouped> {
  const params = new Params();
  const bucket = `${bucketOf(filters.interval)}::text`;
  const rows = await sql.query<Record<string, unknown>>(
    `SELECT GROUPING(prompt_id, stage, ${bucket}) AS sets, coalesce(prompt_id, stage, ${bucket}, 'all') AS "group", ${KPI_SUMS}
     FROM (${answerRows(filters, params)}) AS answers GROUP BY GROUPING SETS ((), (prompt_id), (stage), (${bucket})) HAVING sum(count) > 0`,
    params.values,
  );
  // GROUPING() sets a bit for each column left out: prompt 4, stage 2, bucket 1.
  const sets: Record<number, AnswerGroup> = { 7: 'all', 3: 'prompt', 5: 'stage', 6: 'bucket' };
  const grouped: Grouped = { all: [], prompt: [], stage: [], bucket: [] };
  for (const row of rows) grouped[sets[Number(row.sets)]!].push(countsOf(row));
  return grouped;
}

export function countsOf(row: Record<string, unknown>): AnswerCounts {
  return {
    group: String(row.group),
    kind: (row.kind as string | null) ?? null,
    answered: Number(row.answered),
    partial: Number(row.partial),
    promoters: Number(row.promoters),
    passives: Number(row.passives),
    detractors: Number(row.detractors),
    csatTop: Number(row.csatTop),
    csatTotal: Number(row.csatTotal),
    cesSum: Number(row.cesSum),
    cesTotal: Number(row.cesTotal),
  };
}

const grouped = sharedPass(groupedCounts);

/** Answer counts and KPI sums of one grouping (the group of `all` is "all"). */
export async function answerCounts(sql: Sql, filters: ReportFilters, group: AnswerGroup): Promise<AnswerCounts[]> {
  return (await grouped(sql, filters))[group];
}
