import type { Database } from '../storage/database.js';

/** The tables the report reads; the raw records are left to their own schedule. */
const TABLES = ['waymark_daily', 'waymark_stage_entries', 'waymark_visitor_days', 'waymark_points_days', 'waymark_submissions', 'waymark_prompt_kinds'];
/** Below this many new touchpoints a refresh is not worth a pass over the tables. */
const FIRST_REFRESH = 5_000;

export interface ReportStatistics {
  /** Counts committed touchpoints; starts a refresh in the background once enough arrived. */
  added(touchpoints: number): void;
  /** Resolves when no refresh is running (before the database closes). */
  settled(): Promise<void>;
}

/**
 * Keeps the planner's statistics of the report tables fresh. PGlite has no autovacuum, so
 * without this a bulk-loaded embedded database is planned as if it were empty (nested loops
 * and sorts over thousands of rows); on Postgres it saves waiting for autovacuum to notice.
 * A refresh runs once the touchpoints since the last one reach as many as before it (and at
 * least FIRST_REFRESH): a load of n touchpoints costs about log2(n) refreshes, and the
 * statistics are never off by more than a factor of two.
 */
export function keepReportStatistics(db: Database, onError: (error: Error) => void): ReportStatistics {
  let since = 0;
  let before = 0;
  let running: Promise<void> | null = null;
  const refresh = async () => {
    const counted = since;
    try {
      await db.query(`ANALYZE ${TABLES.join(', ')}`);
      before += counted;
      since -= counted;
    } catch (error) {
      onError(error as Error);
    } finally {
      running = null;
    }
  };
  return {
    added(touchpoints) {
      since += touchpoints;
      if (!running && since >= Math.max(FIRST_REFRESH, before)) running = refresh();
    },
    settled: () => running ?? Promise.resolve(),
  };
}
