import type { DailyRow, ReportRows, SubmissionRow } from './rows.js';

/**
 * One submission's steps become one answer, as in summarize(): the latest step (by ts, then
 * id) wins and a score is never forgotten; where and when it was answered stay the first's.
 */
export function mergeSubmission(known: SubmissionRow | undefined, step: SubmissionRow): SubmissionRow {
  if (!known) return step;
  const newer = step.ts > known.ts || (step.ts === known.ts && step.recordId > known.recordId);
  const [latest, earlier] = newer ? [step, known] : [known, step];
  const place = { day: known.day, writeKey: known.writeKey, stage: known.stage, device: known.device, locale: known.locale };
  return {
    ...latest,
    ...place,
    score: latest.score ?? earlier.score,
    scoreInvalid: latest.scoreInvalid && earlier.score === null,
    variant: latest.variant ?? earlier.variant,
  };
}

const whole = (value: number, low: number, high: number) => Number.isInteger(value) && value >= low && value <= high;

/** The KPI an answer feeds, or null when it is no answer (a score off its scale, an empty exit answer). */
function answerClass(row: SubmissionRow, kind: string | null): { kpi: string; max: number } | null {
  if (row.scoreInvalid) return null;
  const max = row.max ?? (row.scale === 'thumbs' ? 2 : 5);
  if (kind === 'nps') return row.score === null || whole(row.score, 0, 10) ? { kpi: 'nps', max: 10 } : null;
  if (kind === 'exit') return row.choices.length || row.other !== null ? { kpi: 'exit', max: 0 } : null;
  if (kind === 'poll') return row.choices.length ? { kpi: 'poll', max: 0 } : null;
  if (kind !== 'rating') return { kpi: 'other', max: 0 };
  if (row.score !== null && !(whole(max, 2, 10) && whole(row.score, 1, max))) return null;
  return { kpi: row.metric === 'ces' ? 'ces' : row.metric === 'none' ? 'plain' : 'csat', max };
}

/**
 * The roll-up key of an answer: `kpi|score|max|top|complete`, so counts, distributions,
 * CSAT's top box and partial answers all come from summing `waymark_daily` rows; an answer to a
 * variant counts again as `variant_answer`, its key followed by `|` and the variant.
 */
function contribution(row: SubmissionRow, kind: string | null): Array<Pick<DailyRow, 'measure' | 'key' | 'amount'>> {
  const answer = answerClass(row, kind);
  if (!answer) return [];
  const { score } = row;
  const top = answer.kpi === 'csat' && score !== null && (answer.max >= 4 ? score >= answer.max - 1 : score >= answer.max);
  const key = [answer.kpi, score ?? '', answer.max, top ? 1 : 0, row.complete ? 1 : 0].join('|');
  // An exit survey's reasons and a poll's votes are both counts of the choices picked.
  const reasons = answer.kpi === 'exit' || answer.kpi === 'poll' ? row.choices.map((choice) => ({ measure: 'reason' as const, key: choice, amount: 0 })) : [];
  // The same answer once more under its variant, for the report's comparison of variants.
  const variant = row.variant === null ? [] : [{ measure: 'variant_answer' as const, key: `${key}|${row.variant}`, amount: score ?? 0 }];
  return [{ measure: 'answer', key, amount: score ?? 0 }, ...reasons, ...variant];
}

/** Adds `sign` × an answer's contribution to the batch's daily rows. */
function count(rows: ReportRows, row: SubmissionRow, kind: string | null, sign: 1 | -1) {
  for (const part of contribution(row, kind)) {
    const id = JSON.stringify([row.stage, row.promptId, part.measure, part.key, row.day, row.writeKey, row.device, row.locale]);
    const daily = rows.daily.get(id) ?? {
      day: row.day,
      writeKey: row.writeKey,
      stage: row.stage,
      device: row.device,
      locale: row.locale,
      promptId: row.promptId,
      measure: part.measure,
      key: part.key,
      count: 0,
      amount: 0,
    };
    daily.count += sign;
    daily.amount += sign * part.amount;
    rows.daily.set(id, daily);
  }
}

/**
 * Merges the batch's submissions into the stored ones and moves their answer counts: the
 * stored answer's contribution leaves, the merged one's arrives. Returns the rows to store.
 */
export function moveAnswers(rows: ReportRows, stored: Map<string, SubmissionRow>, kinds: Map<string, string>): SubmissionRow[] {
  const merged: SubmissionRow[] = [];
  for (const [id, step] of rows.submissions) {
    const known = stored.get(id);
    const kind = (row: SubmissionRow) => row.kind ?? kinds.get(row.promptId) ?? null;
    if (known) count(rows, known, kind(known), -1);
    const answer = mergeSubmission(known, step);
    count(rows, answer, kind(answer), 1);
    merged.push(answer);
  }
  return merged;
}
