import type { Sql } from '../storage/database.js';
import { answerCounts } from './answer-groups.js';
import { reasonCounts } from './answers-sql.js';
import { dailyCounts } from './counters-sql.js';
import type { ReportFilters } from './filters.js';
import { kpisOf, type Kpis } from './kpis.js';

export interface StageKpis extends Kpis {
  /** The stage the visitor was in when the touchpoint happened; `''` before any stage. */
  stage: string;
  touchpoints: number;
  shown: number;
  answered: number;
  /** Answers over impressions of prompts that ask something (reward prompts left out). */
  responseRate: number | null;
  exitReasons: Array<{ reason: string; count: number }>;
}

/**
 * KPIs by the stage the visitor was in when answering, in the funnel's order. The order
 * comes as a promise so these queries run while the funnel's do (on Postgres, concurrently).
 */
export async function stagesReport(sql: Sql, filters: ReportFilters, funnelOrder: Promise<string[]>): Promise<StageKpis[]> {
  const [order, counts, answers, reasons, kinds] = await Promise.all([
    funnelOrder,
    dailyCounts(sql, filters, ['touchpoints', 'shown'], ['stage', 'prompt_id'], false),
    answerCounts(sql, filters, 'stage'),
    reasonCounts(sql, filters, 'stage'),
    sql.query<{ prompt_id: string; kind: string }>('SELECT prompt_id, kind FROM waymark_prompt_kinds'),
  ]);
  const rewardPrompts = new Set(kinds.filter((row) => row.kind === 'reward').map((row) => row.prompt_id));
  const wanted = (row: { groups: string[] }) => filters.promptId === null || row.groups[1] === filters.promptId || row.groups[1] === '';
  const stages = new Set([...order, ...counts.map((row) => row.groups[0]!), ...answers.map((row) => row.group)]);
  if (filters.stage !== null) for (const stage of stages) if (stage !== filters.stage) stages.delete(stage);
  return [...stages].map((stage) => {
    const mine = counts.filter((row) => row.groups[0] === stage && wanted(row));
    const touchpoints = mine.filter((row) => row.measure === 'touchpoints').reduce((sum, row) => sum + row.count, 0);
    const shown = mine.filter((row) => row.measure === 'shown' && !rewardPrompts.has(row.groups[1]!)).reduce((sum, row) => sum + row.count, 0);
    const answer = answers.find((row) => row.group === stage);
    const answered = answer?.answered ?? 0;
    return {
      stage,
      touchpoints,
      shown,
      answered,
      responseRate: shown ? Math.min(1, answered / shown) : null,
      ...kpisOf(answer),
      exitReasons: reasons.filter((row) => row.group === stage).map(({ reason, count }) => ({ reason, count })),
    };
  });
}
