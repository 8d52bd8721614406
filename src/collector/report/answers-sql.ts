import type { Sql } from '../storage/database.js';
import type { ReportFilters } from './filters.js';
import { Params, whereOf } from './where.js';

/**
 * The submissions that count as answers, with the same rules as summarize(): a score off its
 * scale is none, an exit survey answer must pick a choice or write in "Other".
 */
export function validAnswers(filters: ReportFilters, params: Params): string {
  return `WITH scoped AS (
      SELECT s.*, coalesce(s.kind, k.kind) AS answer_kind, coalesce(s.max, CASE WHEN s.scale = 'thumbs' THEN 2 ELSE 5 END) AS scale_max
      FROM waymark_submissions s LEFT JOIN waymark_prompt_kinds k ON k.prompt_id = s.prompt_id
      WHERE ${whereOf(filters, { time: 'day', stage: true, prompt: true, alias: 's' }, params)}
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

const CSAT = `answer_kind = 'rating' AND score IS NOT NULL AND metric IS DISTINCT FROM 'ces' AND metric IS DISTINCT FROM 'none'`;
const CES = `answer_kind = 'rating' AND score IS NOT NULL AND metric = 'ces'`;

/** Answer counts and KPI sums per prompt, per stage, or per day or week (`group` is a SQL expression). */
export async function answerCounts(sql: Sql, filters: ReportFilters, group: string): Promise<AnswerCounts[]> {
  const params = new Params();
  const rows = await sql.query<Record<string, unknown>>(
    `${validAnswers(filters, params)}
     SELECT ${group} AS "group", max(answer_kind) AS kind, count(*) AS answered, count(*) FILTER (WHERE NOT complete) AS partial,
       count(*) FILTER (WHERE answer_kind = 'nps' AND score >= 9) AS promoters,
       count(*) FILTER (WHERE answer_kind = 'nps' AND score >= 7 AND score < 9) AS passives,
       count(*) FILTER (WHERE answer_kind = 'nps' AND score < 7) AS detractors,
       count(*) FILTER (WHERE ${CSAT} AND CASE WHEN scale_max >= 4 THEN score >= scale_max - 1 ELSE score >= scale_max END) AS "csatTop",
       count(*) FILTER (WHERE ${CSAT}) AS "csatTotal",
       coalesce(sum(score) FILTER (WHERE ${CES}), 0) AS "cesSum",
       count(*) FILTER (WHERE ${CES}) AS "cesTotal"
     FROM answers GROUP BY 1`,
    params.values,
  );
  return rows.map((row) => ({
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
  }));
}

/** Score → count per prompt, and exit reasons per prompt or stage. */
export async function scoreCounts(sql: Sql, filters: ReportFilters): Promise<Array<{ promptId: string; score: number; count: number }>> {
  const params = new Params();
  const rows = await sql.query<{ prompt_id: string; score: number; count: string }>(
    `${validAnswers(filters, params)} SELECT prompt_id, score, count(*) AS count FROM answers WHERE score IS NOT NULL AND answer_kind IN ('nps', 'rating') GROUP BY 1, 2 ORDER BY 1, 2`,
    params.values,
  );
  return rows.map((row) => ({ promptId: row.prompt_id, score: Number(row.score), count: Number(row.count) }));
}

export async function reasonCounts(sql: Sql, filters: ReportFilters, group: 'prompt_id' | 'stage'): Promise<Array<{ group: string; reason: string; count: number }>> {
  const params = new Params();
  const rows = await sql.query<{ group: string; reason: string; count: string }>(
    `${validAnswers(filters, params)} SELECT ${group} AS "group", reason, count(*) AS count
     FROM answers, jsonb_array_elements_text(choices) AS reason WHERE answer_kind = 'exit' GROUP BY 1, 2 ORDER BY 3 DESC, 2`,
    params.values,
  );
  return rows.map((row) => ({ group: row.group, reason: row.reason, count: Number(row.count) }));
}

/** The newest follow-up texts ("Other" and comments), at most `limit` per prompt, and how many there are. */
export async function followUps(sql: Sql, filters: ReportFilters, limit: number): Promise<Array<{ promptId: string; total: number; texts: Array<{ text: string; field: 'other' | 'comment'; stage: string; day: string }> }>> {
  const params = new Params();
  const rows = await sql.query<{ prompt_id: string; total: string; texts: Array<{ text: string; field: 'other' | 'comment'; stage: string; day: string }> }>(
    `${validAnswers(filters, params)}, texts AS (
       SELECT prompt_id, ts, record_id, stage, day, 'other' AS field, other AS text FROM answers WHERE answer_kind = 'exit' AND other IS NOT NULL
       UNION ALL SELECT prompt_id, ts, record_id, stage, day, 'comment', comment FROM answers WHERE comment IS NOT NULL
     ), ranked AS (SELECT *, row_number() OVER (PARTITION BY prompt_id ORDER BY ts DESC, record_id DESC) AS n, count(*) OVER (PARTITION BY prompt_id) AS total FROM texts)
     SELECT prompt_id, max(total) AS total, jsonb_agg(jsonb_build_object('text', text, 'field', field, 'stage', stage, 'day', to_char(day, 'YYYY-MM-DD')) ORDER BY n) AS texts
     FROM ranked WHERE n <= ${params.add(limit)}::int GROUP BY 1`,
    params.values,
  );
  return rows.map((row) => ({ promptId: row.prompt_id, total: Number(row.total), texts: row.texts }));
}
