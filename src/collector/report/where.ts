import type { ReportFilters } from './filters.js';

/** Which of the filters a roll-up table can answer, and the column of its date. */
export interface Scope {
  /** The table's receive-day column. */
  time: 'day';
  stage?: boolean;
  prompt?: boolean;
  /** A table alias to prefix the columns with. */
  alias?: string;
}

/** A parameter list that numbers its placeholders as it grows. */
export class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** The WHERE conditions for `filters` on a table of `scope`; "TRUE" when nothing narrows it. */
export function whereOf(filters: ReportFilters, scope: Scope, params: Params): string {
  const column = (name: string) => (scope.alias ? `${scope.alias}.${name}` : name);
  const conditions: string[] = [];
  // Dates, not timestamps: a day bound must not move with the server's TimeZone.
  const bound = (day: string) => `${params.add(day)}::date`;
  if (filters.from) conditions.push(`${column(scope.time)} >= ${bound(filters.from)}`);
  if (filters.to) conditions.push(`${column(scope.time)} < ${bound(filters.to)}`);
  if (filters.writeKey !== null) conditions.push(`${column('write_key')} = ${params.add(filters.writeKey)}`);
  if (filters.device !== null) conditions.push(`${column('device')} = ${params.add(filters.device)}`);
  if (filters.locale !== null) conditions.push(`${column('locale')} = ${params.add(filters.locale)}`);
  if (scope.stage && filters.stage !== null) conditions.push(`${column('stage')} = ${params.add(filters.stage)}`);
  if (scope.prompt && filters.promptId !== null) conditions.push(`${column('prompt_id')} = ${params.add(filters.promptId)}`);
  return conditions.length ? conditions.join(' AND ') : 'TRUE';
}
