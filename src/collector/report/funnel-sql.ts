import type { Sql } from '../storage/database.js';
import { dailyCounts } from './counters-sql.js';
import type { ReportFilters } from './filters.js';
import { Params, whereOf } from './where.js';

export interface FunnelStep {
  stage: string;
  /** Visitors whose first entry into this stage was received in the range. */
  visitors: number;
  /** Of them, how many also entered the next stage; null on the last stage. */
  next: { stage: string; visitors: number; conversion: number; dropOff: number; medianSeconds: number | null } | null;
  /** Moves into this stage from a later one (journeys are not linear). */
  backwardIn: number;
}

export interface Funnel {
  steps: FunnelStep[];
  backwardMoves: Array<{ from: string; to: string; count: number }>;
}

/** The stage filter does not apply: the funnel is across stages. */
const scopeOf = (filters: ReportFilters) => ({ ...filters, stage: null });

async function reached(sql: Sql, filters: ReportFilters): Promise<Map<string, number>> {
  const params = new Params();
  const rows = await sql.query<{ stage: string; visitors: string }>(
    `SELECT stage, count(*) AS visitors FROM waymark_stage_entries WHERE ${whereOf(scopeOf(filters), { time: 'day' }, params)} GROUP BY stage`,
    params.values,
  );
  return new Map(rows.map((row) => [row.stage, Number(row.visitors)]));
}

/**
 * Per consecutive pair: visitors in both, and the median time from entering one to entering
 * the next. One pass over the entries, grouped by visitor into one column per stage: no self-join.
 */
async function pairs(sql: Sql, filters: ReportFilters, order: string[]) {
  if (order.length < 2) return new Map<string, { visitors: number; medianSeconds: number | null }>();
  const params = new Params();
  const where = whereOf(scopeOf(filters), { time: 'day' }, params);
  // Minimums as timestamps (cheap to compare); a pair's seconds come from one interval, exact
  // to the microsecond like the difference of two epochs, at half the numeric arithmetic.
  const columns = order.map((stage, n) => `min(entered_at) FILTER (WHERE stage = ${params.add(stage)}) AS s${n}`);
  const figures = order
    .slice(1)
    .flatMap((_, n) => [
      `count(*) FILTER (WHERE s${n} IS NOT NULL AND s${n + 1} IS NOT NULL) AS both${n}`,
      `percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM s${n + 1} - s${n})) FILTER (WHERE s${n + 1} >= s${n}) AS median${n}`,
    ]);
  const [row] = await sql.query<Record<string, string | number | null>>(
    `SELECT ${figures.join(', ')} FROM (SELECT ${columns.join(', ')} FROM waymark_stage_entries WHERE stage = ANY(${params.add(order)}::text[]) AND ${where} GROUP BY anonymous_id) AS visitors`,
    params.values,
  );
  return new Map(
    order.slice(0, -1).map((stage, n) => [
      stage,
      {
        visitors: Number(row?.[`both${n}`] ?? 0),
        medianSeconds: row?.[`median${n}`] === null || row?.[`median${n}`] === undefined ? null : Number(row[`median${n}`]),
      },
    ]),
  );
}

/**
 * Stages in the config's order, then any others the data holds, most visited first.
 * Conversion, drop-off and the median are between consecutive stages of that order.
 */
export async function funnel(sql: Sql, filters: ReportFilters, configured: string[]): Promise<Funnel> {
  const counts = await reached(sql, filters);
  const extra = [...counts]
    .filter(([stage]) => !configured.includes(stage))
    .sort((a, b) => b[1] - a[1])
    .map(([stage]) => stage);
  const order = [...configured, ...extra];
  const [between, moves] = await Promise.all([pairs(sql, filters, order), dailyCounts(sql, scopeOf(filters), ['move'], ['stage', 'key'], false)]);
  const rank = new Map(order.map((stage, n) => [stage, n]));
  const backwardMoves = moves
    .map((move) => ({ from: move.groups[0]!, to: move.groups[1]!, count: move.count }))
    .filter((move) => move.from && move.to && (rank.get(move.to) ?? -1) < (rank.get(move.from) ?? -1))
    .sort((a, b) => b.count - a.count);
  const steps = order.map((stage, n): FunnelStep => {
    const visitors = counts.get(stage) ?? 0;
    const nextStage = order[n + 1];
    const pair = between.get(stage) ?? { visitors: 0, medianSeconds: null };
    const next =
      nextStage === undefined
        ? null
        : {
            stage: nextStage,
            visitors: pair.visitors,
            conversion: visitors ? pair.visitors / visitors : 0,
            dropOff: visitors - pair.visitors,
            medianSeconds: pair.medianSeconds,
          };
    return { stage, visitors, next, backwardIn: backwardMoves.filter((move) => move.to === stage).reduce((sum, move) => sum + move.count, 0) };
  });
  return { steps, backwardMoves };
}
