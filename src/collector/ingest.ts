import { checkRecord, mayHoldUnstorable, parseBatch, unstorableReason, type StoredTouchpoint } from './records.js';
import { problem, json, unavailable } from './answers.js';
import { BodyError, readBody } from './body.js';
import type { BatchWriter } from './batch-writer.js';
import { writeKeyAllowed, writeKeyOf } from './access.js';
import type { Database } from './storage/database.js';
import type { Settings } from './options.js';
import type { Counters } from './counters.js';
import type { ReportStatistics } from './report/statistics.js';

export interface IngestContext {
  db: Database;
  /** Commits the batches of concurrent requests together (batch-writer.ts). */
  writer: BatchWriter;
  settings: Settings;
  counters: Counters;
  statistics: ReportStatistics;
}

/** Each record checked alone: the good ones go on, the others are listed by their index. */
function sortRecords(records: unknown[], walkStrings: boolean) {
  const good: StoredTouchpoint[] = [];
  const rejected: Array<{ index: number; reason: string }> = [];
  const ids = new Set<string>();
  let repeated = 0;
  records.forEach((record, index) => {
    const checked = checkRecord(record);
    if (!checked.ok) return void rejected.push({ index, reason: checked.reason });
    const unstorable = walkStrings ? unstorableReason(checked.touchpoint) : null;
    if (unstorable) return void rejected.push({ index, reason: unstorable });
    // The same id twice in one batch is a duplicate too, and the first copy wins.
    if (ids.has(checked.touchpoint.id)) return void repeated++;
    ids.add(checked.touchpoint.id);
    good.push(checked.touchpoint);
  });
  return { good, rejected, repeated };
}

/**
 * `POST /collect` (and, with `trusted`, the admin `POST /api/touchpoints`): reads and checks
 * the batch, commits the good records, then answers `{ accepted, duplicates, rejected, profile? }`.
 */
export async function ingest(context: IngestContext, request: Request, trusted: boolean, headers: Record<string, string>): Promise<Response> {
  const { settings, counters } = context;
  let body: string;
  try {
    body = await readBody(request, settings.limits);
  } catch (error) {
    if (!(error instanceof BodyError)) throw error;
    if (error.status === 413) counters.tooLarge++;
    return problem(error.status, error.message, headers);
  }
  const batch = parseBatch(body);
  if ('error' in batch) return problem(400, batch.error, headers);
  const writeKey = writeKeyOf(request, batch.writeKey);
  if (!trusted && !writeKeyAllowed(settings.writeKeys, writeKey)) {
    counters.unknownWriteKey++;
    return problem(401, writeKey ? 'unknown write key' : 'the batch has no write key', headers);
  }
  const { good, rejected, repeated } = sortRecords(batch.records, mayHoldUnstorable(body));
  counters.rejectedRecords += rejected.length;
  if (!good.length) return json(200, { accepted: 0, duplicates: repeated, rejected }, headers);
  try {
    const meta = { receivedAt: new Date(settings.now()), writeKey: writeKey ?? null, trusted };
    const committed = await context.writer.write({ touchpoints: good, meta });
    counters.accepted += committed.inserted.size;
    context.statistics.added(committed.inserted.size);
    const answer = { accepted: committed.inserted.size, duplicates: good.length - committed.inserted.size + repeated, rejected };
    return json(
      200,
      { ...answer, ...(committed.profile ? { profile: committed.profile } : {}), ...(committed.refused.length ? { refused: committed.refused } : {}) },
      headers,
    );
  } catch (error) {
    return unavailable(error, headers);
  }
}
