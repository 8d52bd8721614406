import type { Range } from './storage/records-sql.js';

/** `from` (inclusive) and `to` (exclusive) query parameters: any date `Date.parse` reads, by receive time. */
export function rangeOf(url: URL): Range | { error: string } {
  const read = (name: string) => {
    const value = url.searchParams.get(name);
    if (value === null || value === '') return null;
    const ms = Date.parse(value);
    return Number.isFinite(ms) ? new Date(ms) : undefined;
  };
  const from = read('from');
  const to = read('to');
  if (from === undefined) return { error: '"from" is not a date (use ISO 8601, e.g. 2026-01-31)' };
  if (to === undefined) return { error: '"to" is not a date (use ISO 8601, e.g. 2026-02-01)' };
  return { from, to };
}
