import type { PromptAnsweredProps } from '../types.js';

type Answer = Partial<PromptAnsweredProps>;

/** The score results a prompt or a survey question carries. */
export interface ScoreStats {
  /** % promoters (9–10) − % detractors (0–6), −100…100. */
  nps?: { score: number; promoters: number; passives: number; detractors: number; total: number };
  /** % satisfied: top-2 box (4–5 of 5, 9–10 of 10); on 2–3 point scales, the top answer only. */
  csat?: { score: number; total: number };
  /** Mean effort score, on the prompt's own scale. */
  ces?: { mean: number; total: number };
  /** Score → number of submissions. */
  distribution?: Record<string, number>;
}

/** A string with something in it: wire props are untyped. */
export const str = (value: unknown): value is string => typeof value === 'string' && value !== '';
/** Keyed by ids, choices and scores from the wire: no prototype, so `constructor` is a plain key. */
export const dict = <T>(): Record<string, T> => Object.create(null) as Record<string, T>;
export const bump = (counts: Record<string, number>, key: string | number) => void (counts[key] = (counts[key] ?? 0) + 1);

/** The scale a rating was answered on: 2 (thumbs) to 10 points, as the config allows. */
export const ratingMax = (answer: Answer) => answer.max ?? (answer.scale === 'thumbs' ? 2 : 5);
const inRange = (score: number, low: number, high: number) => Number.isInteger(score) && score >= low && score <= high;

/** A score outside its scale (99 of 5 stars, NPS 11) is not an answer: it would skew every result. */
export function validScore(kind: 'nps' | 'rating' | null, score: number, answer: Answer): boolean {
  if (!Number.isFinite(score)) return false;
  if (kind === 'nps') return inRange(score, 0, 10);
  if (kind !== 'rating') return true;
  const max = ratingMax(answer);
  return inRange(max, 2, 10) && inRange(score, 1, max);
}

/** Counts one score; `finishScores` turns the counts into scores, percentages and means. */
export function addScore(stats: ScoreStats, kind: 'nps' | 'rating' | null, score: number, answer: Answer) {
  bump((stats.distribution ??= dict()), score);
  if (kind === 'nps') {
    const nps = (stats.nps ??= { score: 0, promoters: 0, passives: 0, detractors: 0, total: 0 });
    nps.total++;
    if (score >= 9) nps.promoters++;
    else if (score >= 7) nps.passives++;
    else nps.detractors++;
  } else if (kind === 'rating' && answer.metric === 'ces') {
    const ces = (stats.ces ??= { mean: 0, total: 0 });
    ces.total++;
    ces.mean += score;
  } else if (kind === 'rating' && answer.metric !== 'none') {
    const max = ratingMax(answer);
    const csat = (stats.csat ??= { score: 0, total: 0 });
    csat.total++;
    if (max >= 4 ? score >= max - 1 : score >= max) csat.score++;
  }
}

export function finishScores(stats: ScoreStats) {
  if (stats.nps) {
    const { promoters, detractors, total } = stats.nps;
    stats.nps.score = total ? ((promoters - detractors) / total) * 100 : 0;
  }
  if (stats.csat) stats.csat.score = (stats.csat.score / stats.csat.total) * 100;
  if (stats.ces) stats.ces.mean /= stats.ces.total;
}
