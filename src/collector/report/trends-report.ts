import type { Sql } from '../storage/database.js';
import { answerCounts } from './answer-groups.js';
import { bucketOf, dailyCounts } from './counters-sql.js';
import type { ReportFilters } from './filters.js';
import { addCounts, kpisOf, type Kpis } from './kpis.js';
import { sharedPass } from './shared-pass.js';
import { Params, whereOf } from './where.js';

export interface TrendPoint extends Kpis {
  /** The day, or the Monday of the week (UTC). */
  start: string;
  touchpoints: number;
  visitors: number;
  shown: number;
  answered: number;
}

export interface Headline extends Kpis {
  touchpoints: number;
  visitors: number;
  shown: number;
  answered: number;
  responseRate: number | null;
  pointsIssued: number;
}

/** Distinct visitors in the range and per day or week, in one pass shared by the totals and the trend. */
const visitorCounts = sharedPass(async (sql: Sql, filters: ReportFilters): Promise<Map<string, number>> => {
  const params = new Params();
  const bucket = `${bucketOf(filters.interval)}::text`;
  const rows = await sql.query<{ group: string; visitors: string }>(
    `SELECT coalesce(${bucket}, 'all') AS "group", count(DISTINCT anonymous_id) AS visitors FROM waymark_visitor_days
     WHERE ${whereOf(filters, { time: 'day', stage: true }, params)} GROUP BY GROUPING SETS ((), (${bucket}))`,
    params.values,
  );
  return new Map(rows.map((row) => [row.group, Number(row.visitors)]));
});

/** Touchpoints, visitors, impressions, answers and KPIs per day or week; the counts beside each KPI show its sample. */
export async function trendsReport(sql: Sql, filters: ReportFilters): Promise<TrendPoint[]> {
  const bucket = bucketOf(filters.interval);
  const [touchpoints, shown, answers, visitors] = await Promise.all([
    dailyCounts(sql, filters, ['touchpoints'], [bucket], false),
    dailyCounts(sql, filters, ['shown'], [bucket], true),
    answerCounts(sql, filters, 'bucket'),
    visitorCounts(sql, filters),
  ]);
  const starts = [...new Set([...touchpoints, ...shown].map((row) => row.groups[0]!).concat(answers.map((row) => row.group)))].sort();
  const sum = (rows: typeof touchpoints, start: string) => rows.filter((row) => row.groups[0] === start).reduce((total, row) => total + row.count, 0);
  return starts.map((start) => {
    const answer = answers.find((row) => row.group === start);
    return {
      start,
      touchpoints: sum(touchpoints, start),
      visitors: visitors.get(start) ?? 0,
      shown: sum(shown, start),
      answered: answer?.answered ?? 0,
      ...kpisOf(answer),
    };
  });
}

/** The range's totals: what the comparison with the previous range sets side by side. */
export async function headline(sql: Sql, filters: ReportFilters): Promise<Headline> {
  const [counts, answers, visitors, kinds] = await Promise.all([
    dailyCounts(sql, filters, ['touchpoints', 'shown', 'awarded'], ['prompt_id'], false),
    answerCounts(sql, filters, 'all'),
    visitorCounts(sql, filters),
    sql.query<{ prompt_id: string; kind: string }>("SELECT prompt_id, kind FROM waymark_prompt_kinds WHERE kind = 'reward'"),
  ]);
  const rewardPrompts = new Set(kinds.map((row) => row.prompt_id));
  const total = (measure: string, keep: (promptId: string) => boolean = () => true) =>
    counts.filter((row) => row.measure === measure && keep(row.groups[0]!)).reduce((sum, row) => sum + (measure === 'awarded' ? row.amount : row.count), 0);
  const shown = total('shown', (promptId) => !rewardPrompts.has(promptId) && (filters.promptId === null || promptId === filters.promptId));
  const answer = addCounts(answers);
  return {
    touchpoints: total('touchpoints'),
    visitors: visitors.get('all') ?? 0,
    shown,
    answered: answer.answered,
    responseRate: shown ? Math.min(1, answer.answered / shown) : null,
    pointsIssued: total('awarded'),
    ...kpisOf(answers.length ? answer : undefined),
  };
}
