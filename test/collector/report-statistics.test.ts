// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createCollector } from '../../src/collector/index.js';
import { journeyReportOf } from '../../src/collector/report/from-database.js';
import { analyzeStaleTables, keepReportStatistics, staleReportTables } from '../../src/collector/report/statistics.js';
import type { Database } from '../../src/collector/storage/database.js';
import { openDatabase } from '../../src/collector/storage/open.js';
import { DATABASES } from './databases.js';
import './open.js';

/** A database that only records the statements it is sent. */
function recordingDatabase(): Database & { statements: string[] } {
  const statements: string[] = [];
  return {
    kind: 'embedded',
    statements,
    query: async <Row>(text: string) => {
      statements.push(text);
      return [] as Row[];
    },
    transaction: () => Promise.reject(new Error('not used')),
    close: async () => {},
  };
}

describe('report statistics', () => {
  it('analyzes the report tables after the first 5,000 touchpoints, then each time as many again arrived', async () => {
    const db = recordingDatabase();
    const statistics = keepReportStatistics(db, (error) => {
      throw error;
    });
    const analyzed = async (touchpoints: number) => {
      statistics.added(touchpoints);
      await statistics.settled();
      return db.statements.length;
    };
    expect(await analyzed(4_999)).toBe(0);
    expect(await analyzed(1)).toBe(1);
    expect(db.statements[0]).toMatch(/^ANALYZE waymark_daily, waymark_stage_entries, waymark_visitor_days/);
    expect(await analyzed(4_999)).toBe(1);
    expect(await analyzed(1)).toBe(2);
    expect(await analyzed(9_999)).toBe(2);
    expect(await analyzed(1)).toBe(3);
  });

  it('reports a failed refresh and tries again on the next batch', async () => {
    const errors: string[] = [];
    let fail = true;
    let calls = 0;
    const db = { ...recordingDatabase(), query: async <Row>() => (calls++, fail ? Promise.reject(new Error('busy')) : ([] as Row[])) };
    const statistics = keepReportStatistics(db, (error) => errors.push(error.message));
    statistics.added(5_000);
    await statistics.settled();
    expect(errors).toEqual(['busy']);
    fail = false;
    statistics.added(1);
    await statistics.settled();
    expect(errors).toEqual(['busy']);
    expect(calls).toBe(2);
  });
});

const REPORT_TABLES = ['waymark_daily', 'waymark_points_days', 'waymark_prompt_kinds', 'waymark_stage_entries', 'waymark_submissions', 'waymark_visitor_days'];

/** Fills one report table the way another process (or a restore) would: behind the collector's back. */
async function loadPromptKinds(db: string, rows: number): Promise<void> {
  const database = await openDatabase(db, () => {});
  try {
    await database.query(`INSERT INTO waymark_prompt_kinds SELECT 'prompt-' || n, 'nps' FROM generate_series(1, $1::int) AS n`, [rows]);
  } finally {
    await database.close();
  }
}

/** What the planner believes of waymark_prompt_kinds: -1 until the table is analysed. */
async function plannedPromptKinds(db: string): Promise<number> {
  const database = await openDatabase(db, () => {});
  try {
    const [row] = await database.query<{ tuples: number }>(`SELECT reltuples::float8 AS tuples FROM pg_class WHERE relname = 'waymark_prompt_kinds'`);
    return Number(row!.tuples);
  } finally {
    await database.close();
  }
}

describe.each(DATABASES)('report statistics on $kind', ({ fresh }) => {
  it('finds the never-analysed and the outgrown report tables, and analyses only those', async () => {
    const database = await openDatabase(await fresh(), () => {});
    try {
      expect(await staleReportTables(database)).toEqual(REPORT_TABLES);
      expect(await analyzeStaleTables(database)).toEqual(REPORT_TABLES);
      expect(await staleReportTables(database)).toEqual([]);
      await database.query(`INSERT INTO waymark_prompt_kinds SELECT 'prompt-' || n, 'nps' FROM generate_series(1, 20000) AS n`);
      expect(await staleReportTables(database)).toEqual(['waymark_prompt_kinds']);
      expect(await analyzeStaleTables(database)).toEqual(['waymark_prompt_kinds']);
      expect(await staleReportTables(database)).toEqual([]);
    } finally {
      await database.close();
    }
  });

  it('a collector opened on a database filled elsewhere analyses it before the first report is planned', async () => {
    const db = await fresh();
    await loadPromptKinds(db, 20_000);
    expect(await plannedPromptKinds(db)).toBeLessThan(0);
    const collector = createCollector({ db, onError: () => {} });
    await collector.ready();
    await collector.close();
    expect(await plannedPromptKinds(db)).toBeGreaterThan(10_000);
  });

  it('waymark report --db analyses a database it finds without statistics', async () => {
    const db = await fresh();
    await loadPromptKinds(db, 20_000);
    await journeyReportOf(db, new URLSearchParams());
    expect(await plannedPromptKinds(db)).toBeGreaterThan(10_000);
  });
});
