import type { Database, Sql } from '../storage/database.js';

/** The tables the report reads; the raw records are left to their own schedule. */
const TABLES = ['waymark_daily', 'waymark_stage_entries', 'waymark_visitor_days', 'waymark_points_days', 'waymark_submissions', 'waymark_prompt_kinds'];
/** Below this many new touchpoints a refresh is not worth a pass over the tables. */
const FIRST_REFRESH = 5_000;

export interface ReportStatistics {
  /** Counts committed touchpoints; starts a refresh in the background once enough arrived. */
  added(touchpoints: number): void;
  /** Analyzes, in the background, the report tables whose statistics are missing or outgrown. */
  refreshStale(): void;
  /** Resolves when no refresh is running (before the database closes). */
  settled(): Promise<void>;
}

/**
 * The report tables the planner knows nothing about (never analysed) or that have grown to
 * more than twice the pages it last saw: a database loaded by another process, restored from
 * a dump, or filled before this collector counted anything. Reads only the catalog.
 */
export async function staleReportTables(db: Sql): Promise<string[]> {
  const rows = await db.query<{ name: string }>(
    `SELECT relname AS name FROM pg_class
      WHERE relkind = 'r' AND relname = ANY($1::text[]) AND relnamespace = to_regnamespace(current_schema())
        AND (reltuples < 0 OR pg_relation_size(oid) / current_setting('block_size')::int > 2 * greatest(relpages, 1))
      ORDER BY relname`,
    [TABLES],
  );
  return rows.map((row) => row.name);
}

/** Analyzes the stale report tables (see staleReportTables); returns the ones it analysed. */
export async function analyzeStaleTables(db: Sql): Promise<string[]> {
  const stale = await staleReportTables(db);
  if (stale.length > 0) await db.query(`ANALYZE ${stale.join(', ')}`);
  return stale;
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
  // One pass at a time: a pass queued while another runs waits for it.
  const run = (pass: () => Promise<unknown>) => {
    const next: Promise<void> = (running ?? Promise.resolve())
      .then(pass)
      .then(
        () => {},
        (error) => onError(error as Error),
      )
      .finally(() => {
        if (running === next) running = null;
      });
    running = next;
  };
  const refresh = async () => {
    const counted = since;
    await db.query(`ANALYZE ${TABLES.join(', ')}`);
    before += counted;
    since -= counted;
  };
  let refreshing = false;
  return {
    added(touchpoints) {
      since += touchpoints;
      if (refreshing || since < Math.max(FIRST_REFRESH, before)) return;
      refreshing = true;
      run(() => refresh().finally(() => (refreshing = false)));
    },
    refreshStale: () => run(() => analyzeStaleTables(db)),
    settled: async () => {
      while (running) await running;
    },
  };
}
