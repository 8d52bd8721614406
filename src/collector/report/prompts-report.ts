import type { Sql } from '../storage/database.js';
import { answerCounts } from './answer-groups.js';
import { followUps, reasonCounts, scoreCounts } from './answers-sql.js';
import { dailyCounts } from './counters-sql.js';
import type { ReportFilters } from './filters.js';
import { kpisOf, responseRate, type Kpis } from './kpis.js';
import { variantsReport, type VariantReport } from './variants-report.js';

/** Follow-up texts listed per prompt; `followUps.total` says how many there are in all. */
const FOLLOW_UPS = 50;

export interface PromptReport extends Kpis {
  promptId: string;
  kind: string | null;
  shown: number;
  answered: number;
  /** Answers not completed: a score chosen, the follow-up left. */
  partial: number;
  dismissed: number;
  /** Dismissal reason (close, escape, timeout…) → count. */
  dismissReasons: Record<string, number>;
  /** null for prompts that ask nothing (reward toasts and offers). */
  responseRate: number | null;
  /** Every point of the scale, in order, zeros included: [score, count]. */
  distribution: Array<[number, number]> | null;
  /** Exit survey: picks per reason; poll: votes per choice. Most picked first. */
  reasons: Array<{ reason: string; count: number }> | null;
  followUps: { total: number; texts: Array<{ text: string; field: 'other' | 'comment'; stage: string; day: string }> };
  /** A prompt with variants: each one's impressions, answers, response rate and KPIs, to compare them; else null. */
  variants: VariantReport[] | null;
}

/** The whole scale: NPS 0–10, a rating 1..max (the highest max answered); scores never given still show. */
function fullScale(kind: string | null, scores: Array<{ score: number; count: number; max: number }>): Array<[number, number]> | null {
  if (kind !== 'nps' && kind !== 'rating') return null;
  const [low, high] = kind === 'nps' ? [0, 10] : [1, Math.max(...(scores.length ? scores.map((row) => row.max) : [5]))];
  return Array.from({ length: high - low + 1 }, (_, n) => [low + n, scores.find((row) => row.score === low + n)?.count ?? 0]);
}

/** Per prompt: shown, answered, dismissed, KPIs, the distribution over its whole scale, reasons and follow-ups. */
export async function promptsReport(sql: Sql, filters: ReportFilters): Promise<PromptReport[]> {
  const [counts, answers, scores, reasons, texts, kinds] = await Promise.all([
    dailyCounts(sql, filters, ['shown', 'dismissed'], ['prompt_id', 'key'], true),
    answerCounts(sql, filters, 'prompt'),
    scoreCounts(sql, filters),
    reasonCounts(sql, filters, 'prompt_id'),
    followUps(sql, filters, FOLLOW_UPS),
    sql.query<{ prompt_id: string; kind: string }>('SELECT prompt_id, kind FROM waymark_prompt_kinds'),
  ]);
  const ids = new Set([...counts.map((row) => row.groups[0]!), ...answers.map((row) => row.group)]);
  const kindOf = new Map(kinds.map((row) => [row.prompt_id, row.kind]));
  const variants = await variantsReport(sql, filters, (promptId) => kindOf.get(promptId) ?? answers.find((row) => row.group === promptId)?.kind ?? null);
  return [...ids].sort().map((promptId) => {
    const mine = counts.filter((row) => row.groups[0] === promptId);
    const shown = mine.filter((row) => row.measure === 'shown').reduce((sum, row) => sum + row.count, 0);
    const dismissals = mine.filter((row) => row.measure === 'dismissed');
    const answer = answers.find((row) => row.group === promptId);
    const kind = kindOf.get(promptId) ?? answer?.kind ?? null;
    const answered = answer?.answered ?? 0;
    const ownReasons = reasons.filter((row) => row.group === promptId).map(({ reason, count }) => ({ reason, count }));
    return {
      promptId,
      kind,
      shown,
      answered,
      partial: answer?.partial ?? 0,
      dismissed: dismissals.reduce((sum, row) => sum + row.count, 0),
      dismissReasons: Object.fromEntries(dismissals.map((row) => [row.groups[1] || 'unknown', row.count])),
      responseRate: responseRate(kind, shown, answered),
      ...kpisOf(answer),
      distribution: fullScale(
        kind,
        scores.filter((row) => row.promptId === promptId),
      ),
      reasons: kind === 'exit' || kind === 'poll' ? ownReasons : null,
      followUps: texts.find((row) => row.promptId === promptId) ?? { total: 0, texts: [] },
      variants: variants.get(promptId) ?? null,
    };
  });
}
