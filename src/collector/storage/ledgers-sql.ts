import type { LedgerState } from '../../rewards/ledger-step.js';
import type { LedgerEntry, VisitorLedger } from '../authority.js';
import type { Sql } from './database.js';
import { eraseReferrals } from './referrals-sql.js';

/**
 * Holds each visitor's ledger until the transaction ends, so two collectors on one Postgres
 * apply a visitor's records one batch after the other. One statement takes them all, in the
 * order of their 64-bit keys (hashtextextended), so two transactions cannot deadlock; the
 * `OFFSET 0` keeps the sorted subquery from being folded into the call.
 */
export async function lockVisitors(sql: Sql, anonymousIds: Iterable<string>): Promise<void> {
  const ids = [...new Set(anonymousIds)];
  if (!ids.length) return;
  await sql.query(
    `SELECT pg_advisory_xact_lock(k) FROM (SELECT DISTINCT hashtextextended(id, 0) AS k FROM unnest($1::text[]) AS id ORDER BY k OFFSET 0) AS keys`,
    [ids],
  );
}

export async function loadLedger(sql: Sql, anonymousId: string): Promise<VisitorLedger | null> {
  return (await loadLedgers(sql, [anonymousId])).get(anonymousId) ?? null;
}

/** The stored ledgers of `anonymousIds`, in one query; a visitor without one is absent. */
export async function loadLedgers(sql: Sql, anonymousIds: string[]): Promise<Map<string, VisitorLedger>> {
  const rows = await sql.query<{ anonymous_id: string; state: LedgerState; tz_offset: number | null }>(
    'SELECT anonymous_id, state, tz_offset FROM waymark_ledgers WHERE anonymous_id = ANY($1::text[])',
    [anonymousIds],
  );
  return new Map(rows.map((row) => [row.anonymous_id, { state: row.state, tzOffset: row.tz_offset }]));
}

export interface LedgerChange {
  anonymousId: string;
  ledger: VisitorLedger;
  entries: LedgerEntry[];
}

export const saveLedger = (sql: Sql, anonymousId: string, ledger: VisitorLedger, entries: LedgerEntry[]): Promise<void> =>
  saveLedgers(sql, [{ anonymousId, ledger, entries }]);

/** Writes ledgers and appends their entries, two statements for any number of visitors. */
export async function saveLedgers(sql: Sql, changes: LedgerChange[]): Promise<void> {
  if (!changes.length) return;
  await sql.query(
    `INSERT INTO waymark_ledgers (anonymous_id, state, tz_offset, updated_at)
     SELECT l.id, l.state, l.tz, now() FROM jsonb_to_recordset($1::jsonb) AS l(id text, state jsonb, tz integer)
     ON CONFLICT (anonymous_id) DO UPDATE SET state = excluded.state, tz_offset = excluded.tz_offset, updated_at = excluded.updated_at`,
    [JSON.stringify(changes.map((change) => ({ id: change.anonymousId, state: change.ledger.state, tz: change.ledger.tzOffset })))],
  );
  const entries = changes.flatMap((change) => change.entries.map((entry) => ({ ...entry, id: change.anonymousId })));
  if (!entries.length) return;
  // `n` keeps the entries in the order they happened: the identity column numbers them so.
  await sql.query(
    `INSERT INTO waymark_ledger_entries (anonymous_id, source, rule, delta, balance, lifetime, offer_id, refused, at)
     SELECT e.id, e.source, e.rule, e.delta, e.balance, e.lifetime, e."offerId", e.refused, e.at
     FROM jsonb_to_recordset($1::jsonb) AS e(n integer, id text, source text, rule text, delta integer, balance integer, lifetime integer, "offerId" text, refused text, at timestamptz)
     ORDER BY e.n`,
    [JSON.stringify(entries.map((entry, n) => ({ ...entry, n })))],
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
