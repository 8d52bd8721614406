import type { Sql } from '../storage/database.js';
import type { ReportFilters } from './filters.js';

/**
 * Runs `pass` once per database and filter set however many parts of a report ask for it:
 * one report hands the same filters object to each part, so a query that serves several
 * (with GROUPING SETS) is shared by reference, and forgotten with the report.
 */
export function sharedPass<T>(pass: (sql: Sql, filters: ReportFilters) => Promise<T>): (sql: Sql, filters: ReportFilters) => Promise<T> {
  const runs = new WeakMap<Sql, WeakMap<ReportFilters, Promise<T>>>();
  return (sql, filters) => {
    const bySql = runs.get(sql) ?? new WeakMap<ReportFilters, Promise<T>>();
    runs.set(sql, bySql);
    const run = bySql.get(filters) ?? pass(sql, filters);
    bySql.set(filters, run);
    return run;
  };
}
