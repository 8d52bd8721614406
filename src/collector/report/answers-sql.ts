import type { Sql } from '../storage/database.js';
import type { ReportFilters } from './filters.js';
import { Params, whereOf } from './where.js';

/**
 * The submissions that count as answers, with the same rules as summarize() (and
 * answer-rollup.ts): a score off its scale is none, an exit answer must pick a choice or write in "Other".
 */
function validAnswers(filters: ReportFilters, params: Params, only: string): string {
  return `WITH scoped AS (
      SELECT s.*, coalesce(s.kind, k.kind) AS answer_kind, coalesce(s.max, CASE WHEN s.scale = 'thumbs' THEN 2 ELSE 5 END) AS scale_max
      FROM waymark_submissions s LEFT JOIN waymark_prompt_kinds k ON k.prompt_id = s.prompt_id
      WHERE ${only} AND ${whereOf(filters, { time: 'day', stage: true, prompt: true, alias: 's' }, params)}
    ), answers AS (
      SELECT * FROM scoped WHERE NOT score_invalid AND CASE
        WHEN answer_kind = 'nps' THEN score IS NULL OR (score = trunc(score) AND score BETWEEN 0 AND 10)
        WHEN answer_kind = 'rating' THEN score IS NULL OR (scale_max = trunc(scale_max) AND scale_max BETWEEN 2 AND 10 AND score = trunc(score) AND score BETWEEN 1 AND scale_max)
        WHEN answer_kind = 'exit' THEN jsonb_array_length(choices) > 0 OR other IS NOT NULL
        ELSE true END
    )`;
}

export interface AnswerCounts {
  group: string;
  kind: string | null;
  answered: number;
  partial: number;
  promoters: number;
  passives: number;
  detractors: number;
  csatTop: number;
  csatTotal: number;
  cesSum: number;
  cesTotal: number;
}

/** The answer roll-up (answer-rollup.ts) with its key `kpi|score|max|top|complete` taken apart. */
export function answerRows(filters: ReportFilters, params: Params, measure: 'answer' | 'reason' = 'answer'): string {
  return `SELECT *, split_part(key, '|', 1) AS kpi, nullif(split_part(key, '|', 2), '')::float8 AS score, nullif(split_part(key, '|', 3), '')::int AS scale_max,
      split_part(key, '|', 4) = '1' AS top, split_part(key, '|', 5) = '1' AS complete
    FROM waymark_daily WHERE measure = '${measure}' AND ${whereOf(filters, { time: 'day', stage: true, prompt: true }, params)}`;
}

/** Score → count per prompt, with the largest scale answered on. */
export async function scoreCounts(sql: Sql, filters: ReportFilters): Promise<Array<{ promptId: string; score: number; count: number; max: number }>> {
  const params = new Params();
  const rows = await sql.query<{ prompt_id: string; score: number; count: string; max: number }>(
    `SELECT prompt_id, score, sum(count) AS count, max(scale_max) AS max FROM (${answerRows(filters, params)}) AS answers
     WHERE score IS NOT NULL AND kpi IN ('nps', 'csat', 'ces', 'plain') GROUP BY 1, 2 HAVING sum(count) > 0 ORDER BY 1, 2`,
    params.values,
  );
  return rows.map((row) => ({ promptId: row.prompt_id, score: Number(row.score), count: Number(row.count), max: Number(row.max) }));
}

/** Exit reasons per prompt or per stage, most picked first. */
export async function reasonCounts(
  sql: Sql,
  filters: ReportFilters,
  group: 'prompt_id' | 'stage',
): Promise<Array<{ group: string; reason: string; count: number }>> {
  const params = new Params();
  const rows = await sql.query<{ group: string; reason: string; count: string }>(
    `SELECT ${group} AS "group", key AS reason, sum(count) AS count FROM waymark_daily
     WHERE measure = 'reason' AND ${whereOf(filters, { time: 'day', stage: true, prompt: true }, params)} GROUP BY 1, 2 HAVING sum(count) > 0 ORDER BY 3 DESC, 2`,
    params.values,
  );
  return rows.map((row) => ({ group: row.group, reason: row.reason, count: Number(row.count) }));
}

/** The newest follow-up texts ("Other" and comments), at most `limit` per prompt, and how many there are. */
export async function followUps(
  sql: Sql,
  filters: ReportFilters,
  limit: number,
): Promise<Array<{ promptId: string; total: number; texts: Array<{ text: string; field: 'other' | 'comment'; stage: string; day: string }> }>> {
  const params = new Params();
  const rows = await sql.query<{ prompt_id: string; total: string; texts: Array<{ text: string; field: 'other' | 'comment'; stage: string; day: string }> }>(
    `${validAnswers(filters, params, '(s.other IS NOT NULL OR s.comment IS NOT NULL)')}, texts AS (
       SELECT prompt_id, ts, record_id, stage, day, 'other' AS field, other AS text FROM answers WHERE answer_kind = 'exit' AND other IS NOT NULL
       UNION ALL SELECT prompt_id, ts, record_id, stage, day, 'comment', comment FROM answers WHERE comment IS NOT NULL
     ), ranked AS (SELECT *, row_number() OVER (PARTITION BY prompt_id ORDER BY ts DESC, record_id DESC) AS n, count(*) OVER (PARTITION BY prompt_id) AS total FROM texts)
     SELECT prompt_id, max(total) AS total, jsonb_agg(jsonb_build_object('text', text, 'field', field, 'stage', stage, 'day', to_char(day, 'YYYY-MM-DD')) ORDER BY n) AS texts
     FROM ranked WHERE n <= ${params.add(limit)}::int GROUP BY 1`,
    params.values,
  );
  return rows.map((row) => ({ promptId: row.prompt_id, total: Number(row.total), texts: row.texts }));
}
