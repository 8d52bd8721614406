import type { Database } from './storage/database.js';
import { deleteRecordsBefore } from './storage/records-sql.js';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** Removes records received more than `days` days before `now`; returns how many went. */
export const removeExpired = (db: Database, days: number, now: number): Promise<number> => deleteRecordsBefore(db, new Date(now - days * DAY_MS));

/**
 * Runs the retention sweep at once and then every hour. Ledgers stay: a balance is owed to
 * the visitor whatever the age of the records that earned it. Returns the stop function.
 */
export function scheduleRetention(sweep: () => Promise<unknown>, onError: (error: Error) => void): () => void {
  const run = () => void sweep().catch((error: Error) => onError(new Error(`retention sweep failed: ${error.message}`)));
  run();
  const timer = setInterval(run, HOUR_MS);
  // The schedule alone must not keep a process alive.
  timer.unref();
  return () => clearInterval(timer);
}
