import type { Batch, StoredTouchpoint } from '../records.js';
import type { Sql } from './database.js';

export interface RecordRow {
  record: StoredTouchpoint;
  received_at: Date;
  write_key: string | null;
  trusted: boolean;
}

/**
 * Inserts batches in one statement and returns the ids that were new: a retried record
 * hits the primary key and is skipped (`ON CONFLICT DO NOTHING`), which is the dedupe.
 */
export async function insertRecords(sql: Sql, batches: Batch[]): Promise<Set<string>> {
  const rows = batches.flatMap(({ touchpoints, meta }) => {
    const receivedAt = meta.receivedAt.toISOString();
    return touchpoints.map((touchpoint) => ({
      id: touchpoint.id,
      anonymous_id: touchpoint.anonymousId,
      user_id: touchpoint.userId,
      name: touchpoint.name,
      ts: touchpoint.ts,
      received_at: receivedAt,
      write_key: meta.writeKey,
      trusted: meta.trusted,
      record: touchpoint,
    }));
  });
  if (!rows.length) return new Set();
  const inserted = await sql.query<{ id: string }>(
    `INSERT INTO waymark_records (id, anonymous_id, user_id, name, ts, received_at, write_key, trusted, record)
     SELECT r.id, r.anonymous_id, r.user_id, r.name, r.ts, r.received_at, r.write_key, r.trusted, r.record
     FROM jsonb_to_recordset($1::jsonb)
       AS r(id text, anonymous_id text, user_id text, name text, ts timestamptz, received_at timestamptz, write_key text, trusted boolean, record jsonb)
     ON CONFLICT (id) DO NOTHING
     RETURNING id`,
    [JSON.stringify(rows)],
  );
  return new Set(inserted.map((row) => row.id));
}

export interface Range {
  from: Date | null;
  to: Date | null;
}

/** One page of records received in `range`, after the `after` cursor, oldest first. */
export function recordsPage(sql: Sql, range: Range, after: { receivedAt: Date; id: string } | null, limit: number): Promise<RecordRow[]> {
  return sql.query<RecordRow>(
    `SELECT record, received_at, write_key, trusted FROM waymark_records
     WHERE ($1::timestamptz IS NULL OR received_at >= $1) AND ($2::timestamptz IS NULL OR received_at < $2)
       AND ($3::timestamptz IS NULL OR (received_at, id) > ($3, $4))
     ORDER BY received_at, id LIMIT $5`,
    [range.from?.toISOString() ?? null, range.to?.toISOString() ?? null, after?.receivedAt.toISOString() ?? null, after?.id ?? null, limit],
  );
}

/** A visitor's newest records, newest first. */
export function visitorRecords(sql: Sql, anonymousId: string, limit: number): Promise<RecordRow[]> {
  return sql.query<RecordRow>(
    'SELECT record, received_at, write_key, trusted FROM waymark_records WHERE anonymous_id = $1 ORDER BY received_at DESC, id DESC LIMIT $2',
    [anonymousId, limit],
  );
}

/** Removes records received before `cutoff`; returns how many. */
export async function deleteRecordsBefore(sql: Sql, cutoff: Date): Promise<number> {
  const rows = await sql.query<{ count: number }>(
    'WITH gone AS (DELETE FROM waymark_records WHERE received_at < $1 RETURNING 1) SELECT count(*)::int AS count FROM gone',
    [cutoff.toISOString()],
  );
  return rows[0]?.count ?? 0;
}
