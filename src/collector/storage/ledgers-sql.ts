import type { LedgerState } from '../../rewards/ledger-step.js';
import type { LedgerEntry, VisitorLedger } from '../authority.js';
import type { Sql } from './database.js';
import { eraseReferrals } from './referrals-sql.js';

/** hashtextextended gives the 64-bit key of a visitor's advisory lock. */
const LOCK = 'SELECT pg_advisory_xact_lock(hashtextextended($1, 0))';

/**
 * Holds each visitor's ledger until the transaction ends, so two collectors on one Postgres
 * apply a visitor's records one batch after the other. Sorted, so two batches cannot deadlock.
 */
export async function lockVisitors(sql: Sql, anonymousIds: Iterable<string>): Promise<void> {
  for (const id of [...new Set(anonymousIds)].sort()) await sql.query(LOCK, [id]);
}

export async function loadLedger(sql: Sql, anonymousId: string): Promise<VisitorLedger | null> {
  const [row] = await sql.query<{ state: LedgerState; tz_offset: number | null }>('SELECT state, tz_offset FROM waymark_ledgers WHERE anonymous_id = $1', [
    anonymousId,
  ]);
  return row ? { state: row.state, tzOffset: row.tz_offset } : null;
}

export async function saveLedger(sql: Sql, anonymousId: string, ledger: VisitorLedger, entries: LedgerEntry[]): Promise<void> {
  await sql.query(
    `INSERT INTO waymark_ledgers (anonymous_id, state, tz_offset, updated_at) VALUES ($1, $2::jsonb, $3, now())
     ON CONFLICT (anonymous_id) DO UPDATE SET state = excluded.state, tz_offset = excluded.tz_offset, updated_at = excluded.updated_at`,
    [anonymousId, JSON.stringify(ledger.state), ledger.tzOffset],
  );
  if (!entries.length) return;
  // `n` keeps the entries in the order they happened: the identity column numbers them so.
  await sql.query(
    `INSERT INTO waymark_ledger_entries (anonymous_id, source, rule, delta, balance, lifetime, offer_id, refused, at)
     SELECT $1, e.source, e.rule, e.delta, e.balance, e.lifetime, e."offerId", e.refused, e.at
     FROM jsonb_to_recordset($2::jsonb) AS e(n integer, source text, rule text, delta integer, balance integer, lifetime integer, "offerId" text, refused text, at timestamptz)
     ORDER BY e.n`,
    [anonymousId, JSON.stringify(entries.map((entry, n) => ({ ...entry, n })))],
  );
}

export function ledgerEntries(sql: Sql, anonymousId: string): Promise<Array<LedgerEntry & { at: Date | string }>> {
  return sql.query(
    `SELECT source, rule, delta, balance, lifetime, offer_id AS "offerId", refused, at FROM waymark_ledger_entries WHERE anonymous_id = $1 ORDER BY entry`,
    [anonymousId],
  );
}

/** Erases a visitor: records, ledger entries and ledger. Returns what was removed. */
export async function eraseVisitor(sql: Sql, anonymousId: string): Promise<{ records: number; ledgerEntries: number; ledger: number }> {
  const count = async (table: string) => {
    const rows = await sql.query<{ count: number }>(
      `WITH gone AS (DELETE FROM ${table} WHERE anonymous_id = $1 RETURNING 1) SELECT count(*)::int AS count FROM gone`,
      [anonymousId],
    );
    return rows[0]?.count ?? 0;
  };
  await eraseReferrals(sql, anonymousId);
  return { records: await count('waymark_records'), ledgerEntries: await count('waymark_ledger_entries'), ledger: await count('waymark_ledgers') };
}
