import type { Config } from '../../config/schema.js';
import { openDatabase } from '../storage/open.js';
import { readFilters } from './filters.js';
import { journeyReport, type JourneyReport } from './journey-report.js';
import { analyzeStaleTables } from './statistics.js';

/**
 * The journey report of a collector's database (a folder or a postgres:// URL), read once:
 * what `waymark report --db` prints. `query` takes the parameters of `GET /api/report`; a
 * bad one rejects with the same reason the API gives.
 */
export async function journeyReportOf(db: string, query: URLSearchParams, config: Config | null = null): Promise<JourneyReport> {
  const filters = readFilters(query);
  if ('error' in filters) throw new Error(filters.error);
  const database = await openDatabase(db, () => {});
  try {
    // A one-off reader: without statistics the planner treats the tables as empty.
    await analyzeStaleTables(database);
    return await journeyReport(database, filters, config);
  } finally {
    await database.close();
  }
}
