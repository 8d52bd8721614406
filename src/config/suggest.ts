/**
 * Optimal string alignment distance: Levenshtein plus the swap of two neighbours, the typo
 * people make most (`questoin`).
 */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row = (rows[i] = [i]);
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) row[j] = j;
      else {
        const cost = a[i - 1] === b[j - 1] ? 0 : 1;
        let best = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
        row[j] = best;
      }
    }
  }
  return rows[a.length]![b.length]!;
}

/**
 * The candidate closest to `word`, when close enough to be the likely intent: one edit for
 * short words, up to three for long ones, ignoring case (`maxPerSesion` → `maxPerSession`,
 * `NPS` → `nps`, but never `eq` → `gt`).
 */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const allowed = Math.max(1, Math.min(3, Math.floor(word.length / 3)));
  let best: string | undefined;
  let bestDistance = allowed + 1;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance && candidate !== word) (best = candidate), (bestDistance = distance);
  }
  return best;
}

/** `; did you mean "x"?`, or nothing when no candidate is close. */
export function didYouMean(word: unknown, candidates: Iterable<string>): string {
  const match = typeof word === 'string' ? closest(word, candidates) : undefined;
  return match === undefined ? '' : `; did you mean "${match}"?`;
}
