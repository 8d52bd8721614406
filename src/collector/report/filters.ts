const DAY_MS = 86_400_000;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** What `GET /api/report` (and `waymark report`) narrows the report to. */
export interface ReportFilters {
  /** First day counted (UTC, `YYYY-MM-DD`), or null for the beginning. */
  from: string | null;
  /** First day no longer counted (exclusive), or null for today and after. */
  to: string | null;
  writeKey: string | null;
  stage: string | null;
  promptId: string | null;
  device: string | null;
  locale: string | null;
  /** The trend's step. */
  interval: 'day' | 'week';
}

const FIELDS = ['from', 'to', 'writeKey', 'stage', 'prompt', 'device', 'locale', 'interval'] as const;
const MAX_TEXT = 200;

const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** A day from `YYYY-MM-DD` or any full date `Date.parse` reads; the roll-ups count whole UTC days. */
function readDay(name: string, value: string | null): string | null | { error: string } {
  if (value === null || value === '') return null;
  const ms = Date.parse(DAY.test(value) ? `${value}T00:00:00Z` : value);
  if (!Number.isFinite(ms)) return { error: `"${name}" is not a date (use YYYY-MM-DD, e.g. 2026-01-31)` };
  return dayOf(ms);
}

/** Reads the report's query parameters; an unknown or malformed one is a 400 with the reason. */
export function readFilters(params: URLSearchParams): ReportFilters | { error: string } {
  for (const name of params.keys())
    if (!(FIELDS as readonly string[]).includes(name)) return { error: `unknown report parameter "${name}" (known: ${FIELDS.join(', ')})` };
  const from = readDay('from', params.get('from'));
  const to = readDay('to', params.get('to'));
  if (from !== null && typeof from === 'object') return from;
  if (to !== null && typeof to === 'object') return to;
  if (from && to && from >= to) return { error: `"from" (${from}) must be before "to" (${to})` };
  const interval = params.get('interval') || 'day';
  if (interval !== 'day' && interval !== 'week') return { error: `"interval" must be day or week, not "${interval}"` };
  const textOf = (name: string) => {
    const value = params.get(name);
    return value === null || value === '' ? null : value.slice(0, MAX_TEXT);
  };
  return {
    from,
    to,
    interval,
    writeKey: textOf('writeKey'),
    stage: textOf('stage'),
    promptId: textOf('prompt'),
    device: textOf('device'),
    locale: textOf('locale'),
  };
}

/** The range just before a bounded one, as long as it, for the comparison; null when unbounded. */
export function previousRange(filters: ReportFilters): ReportFilters | null {
  if (!filters.from || !filters.to) return null;
  const from = Date.parse(`${filters.from}T00:00:00Z`);
  const length = Date.parse(`${filters.to}T00:00:00Z`) - from;
  return { ...filters, from: dayOf(from - length), to: filters.from };
}

export const nextDay = (day: string) => dayOf(Date.parse(`${day}T00:00:00Z`) + DAY_MS);
