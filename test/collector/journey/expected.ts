import type { Visitor } from './dataset.js';
import { STAGES } from './dataset.js';

/** The funnel computed from the generated records alone, the way docs/report.md defines it. */
export function expectedFunnel(visitors: Visitor[]) {
  const entered = new Map<string, Map<string, number>>();
  const backward = new Map<string, number>();
  for (const visitor of visitors) {
    const first = new Map<string, number>();
    for (const record of visitor.records) {
      if (record.name !== '$stage') continue;
      const to = record.props.to as string;
      const from = record.props.from as string | null;
      if (!first.has(to)) first.set(to, Date.parse(record.ts));
      if (from && STAGES.indexOf(to) < STAGES.indexOf(from)) backward.set(to, (backward.get(to) ?? 0) + 1);
    }
    entered.set(visitor.anonymousId, first);
  }
  return STAGES.map((stage, n) => {
    const reached = [...entered.values()].filter((first) => first.has(stage));
    const nextStage = STAGES[n + 1];
    const both = nextStage ? reached.filter((first) => first.has(nextStage)) : [];
    const gaps = both.map((first) => (first.get(nextStage!)! - first.get(stage)!) / 1000).filter((gap) => gap >= 0);
    return { stage, visitors: reached.length, nextVisitors: both.length, medianSeconds: median(gaps), backwardIn: backward.get(stage) ?? 0 };
  });
}

/** percentile_cont(0.5): the middle value, or the mean of the two middle ones. */
function median(values: number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = (sorted.length - 1) / 2;
  return (sorted[Math.floor(middle)]! + sorted[Math.ceil(middle)]!) / 2;
}

/** NPS by the stage the visitor was in at their first answer step, from the records alone. */
export function expectedNpsByStage(visitors: Visitor[]) {
  const byStage = new Map<string, { promoters: number; passives: number; detractors: number }>();
  for (const visitor of visitors) {
    let stage = '';
    const submissions = new Map<string, { stage: string; score: number }>();
    for (const record of visitor.records) {
      if (record.name === '$stage') stage = record.props.to as string;
      if (record.name !== '$prompt_answered' || record.props.kind !== 'nps') continue;
      const id = record.props.submissionId as string;
      submissions.set(id, { stage: submissions.get(id)?.stage ?? stage, score: record.props.score as number });
    }
    for (const { stage: answeredIn, score } of submissions.values()) {
      const counts = byStage.get(answeredIn) ?? { promoters: 0, passives: 0, detractors: 0 };
      if (score >= 9) counts.promoters++;
      else if (score >= 7) counts.passives++;
      else counts.detractors++;
      byStage.set(answeredIn, counts);
    }
  }
  return new Map(
    [...byStage].map(([stage, counts]) => {
      const total = counts.promoters + counts.passives + counts.detractors;
      return [stage, { ...counts, total, score: ((counts.promoters - counts.detractors) / total) * 100 }];
    }),
  );
}
