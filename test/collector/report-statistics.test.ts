import { describe, expect, it } from 'vitest';
import { keepReportStatistics } from '../../src/collector/report/statistics.js';
import type { Database } from '../../src/collector/storage/database.js';

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
