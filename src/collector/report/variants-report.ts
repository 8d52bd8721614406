import type { Sql } from '../storage/database.js';
import { countsOf, KPI_SUMS } from './answer-groups.js';
import { dailyCounts } from './counters-sql.js';
import type { ReportFilters } from './filters.js';
import { kpisOf, responseRate, type Kpis } from './kpis.js';
import { Params, whereOf } from './where.js';

/** One variant of a prompt, side by side with the others: its impressions, answers and KPIs. */
export interface VariantReport extends Kpis {
  variant: string;
  shown: number;
  answered: number;
  partial: number;
  responseRate: number | null;
}

/**
 * The `variant_answer` roll-up rows (answer-rollup.ts) taken apart: an answer's five key parts,
 * then its variant, which is everything after the fifth `|`.
 */
function variantAnswerRows(filters: ReportFilters, params: Params): string {
  return `SELECT prompt_id, substring(key from '^(?:[^|]*[|]){5}(.*)$') AS variant, split_part(key, '|', 1) AS kpi,
      nullif(split_part(key, '|', 2), '')::float8 AS score, split_part(key, '|', 4) = '1' AS top, split_part(key, '|', 5) = '1' AS complete, count, amount
    FROM waymark_daily WHERE measure = 'variant_answer' AND ${whereOf(filters, { time: 'day', stage: true, prompt: true }, params)}`;
}

/** Per prompt with variants, each variant's figures in variant order; prompts without variants are absent. */
export async function variantsReport(sql: Sql, filters: ReportFilters, kindOf: (promptId: string) => string | null): Promise<Map<string, VariantReport[]>> {
  const params = new Params();
  const [shownRows, answerRows] = await Promise.all([
    dailyCounts(sql, filters, ['variant_shown'], ['prompt_id', 'key'], true),
    sql.query<Record<string, unknown>>(
      `SELECT prompt_id, variant, ${KPI_SUMS} FROM (${variantAnswerRows(filters, params)}) AS answers GROUP BY 1, 2 HAVING sum(count) > 0`,
      params.values,
    ),
  ]);
  const byPrompt = new Map<string, Map<string, { shown: number; answers?: Record<string, unknown> }>>();
  const entry = (promptId: string, variant: string) => {
    const variants = byPrompt.get(promptId) ?? new Map();
    byPrompt.set(promptId, variants);
    const found = variants.get(variant) ?? { shown: 0 };
    variants.set(variant, found);
    return found;
  };
  for (const row of shownRows) entry(row.groups[0]!, row.groups[1]!).shown += row.count;
  for (const row of answerRows) entry(String(row.prompt_id), String(row.variant)).answers = row;
  const reports = new Map<string, VariantReport[]>();
  for (const [promptId, variants] of byPrompt) {
    const kind = kindOf(promptId);
    const list = [...variants].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    reports.set(
      promptId,
      list.map(([variant, { shown, answers }]) => {
        const counts = answers ? countsOf(answers) : undefined;
        const answered = counts?.answered ?? 0;
        return { variant, shown, answered, partial: counts?.partial ?? 0, responseRate: responseRate(kind, shown, answered), ...kpisOf(counts) };
      }),
    );
  }
  return reports;
}
