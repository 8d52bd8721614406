import type { AnswerCounts } from './answers-sql.js';

/** The standard definitions; each comes with the number of answers behind it, so small samples show. */
export interface Kpis {
  /** % promoters (9–10) − % detractors (0–6). */
  nps: { score: number; promoters: number; passives: number; detractors: number; total: number } | null;
  /** % of answers in the top two of a 4-to-10-point scale (the top one on 2–3 points). */
  csat: { score: number; total: number } | null;
  /** Mean effort score on the prompt's own scale. */
  ces: { mean: number; total: number } | null;
}

export function kpisOf(counts: AnswerCounts | undefined): Kpis {
  if (!counts) return { nps: null, csat: null, ces: null };
  const npsTotal = counts.promoters + counts.passives + counts.detractors;
  return {
    nps: npsTotal
      ? {
          score: ((counts.promoters - counts.detractors) / npsTotal) * 100,
          promoters: counts.promoters,
          passives: counts.passives,
          detractors: counts.detractors,
          total: npsTotal,
        }
      : null,
    csat: counts.csatTotal ? { score: (counts.csatTop / counts.csatTotal) * 100, total: counts.csatTotal } : null,
    ces: counts.cesTotal ? { mean: counts.cesSum / counts.cesTotal, total: counts.cesTotal } : null,
  };
}

/** Answers over impressions, at most 1 (impressions can be lost while answers arrive); null when nothing was asked. */
export function responseRate(kind: string | null, shown: number, answered: number): number | null {
  if (kind === 'reward') return null;
  return shown ? Math.min(1, answered / shown) : 0;
}

/** Sums KPI counts of several groups (e.g. all prompts), for a headline figure. */
export function addCounts(rows: AnswerCounts[]): AnswerCounts {
  const total: AnswerCounts = {
    group: '',
    kind: null,
    answered: 0,
    partial: 0,
    promoters: 0,
    passives: 0,
    detractors: 0,
    csatTop: 0,
    csatTotal: 0,
    cesSum: 0,
    cesTotal: 0,
  };
  for (const row of rows) {
    for (const key of ['answered', 'partial', 'promoters', 'passives', 'detractors', 'csatTop', 'csatTotal', 'cesSum', 'cesTotal'] as const)
      total[key] += row[key];
  }
  return total;
}
