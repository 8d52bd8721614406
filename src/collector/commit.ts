import type { Config } from '../config/schema.js';
import { ledgerInputNames } from '../rewards/journey-names.js';
import { settleReferrals } from './referrals.js';
import { applyInputs, newVisitorLedger, profileOf, type LedgerEntry, type LedgerInput } from './authority.js';
import type { Batch } from './records.js';
import type { Database, Sql } from './storage/database.js';
import { loadLedgers, lockVisitors, saveLedgers, type LedgerChange } from './storage/ledgers-sql.js';
import { updateReportTables } from './report/rollup-sql.js';
import { insertRecords } from './storage/records-sql.js';

export type Profile = { points: number; tier: string | null; lifetime: number };

export interface Committed {
  inserted: Set<string>;
  /** The server's ledger of the batch's last visitor (the page that sent it), with a config. */
  profile?: Profile;
  /** Redemptions the server balance did not cover. */
  refused: Array<{ id: string; offerId: string | null; reason: string }>;
}

/** Applies the new inputs of each visitor to their stored ledger; returns every entry made and the profiles asked for. */
async function updateLedgers(sql: Sql, config: Config, inputs: LedgerInput[], answerFor: Set<string>, maxSkewMs: number) {
  const byVisitor = new Map<string, LedgerInput[]>([...answerFor].map((anonymousId) => [anonymousId, []]));
  for (const input of inputs) {
    const visitorInputs = byVisitor.get(input.touchpoint.anonymousId) ?? [];
    visitorInputs.push(input);
    byVisitor.set(input.touchpoint.anonymousId, visitorInputs);
  }
  const stored = await loadLedgers(sql, [...byVisitor.keys()]);
  const changes: LedgerChange[] = [];
  const profiles = new Map<string, Profile>();
  for (const [anonymousId, visitorInputs] of byVisitor) {
    const ledger = stored.get(anonymousId) ?? newVisitorLedger(config);
    if (visitorInputs.length) changes.push({ anonymousId, ledger, entries: applyInputs(config, ledger, visitorInputs, maxSkewMs) });
    if (answerFor.has(anonymousId)) profiles.set(anonymousId, profileOf(ledger));
  }
  await saveLedgers(sql, changes);
  return { entries: changes.flatMap((change) => change.entries), profiles };
}

/** Each record goes to the first batch of the group that carries its id; a later copy is a duplicate. */
function claimIds(batches: Batch[]): Batch[] {
  const seen = new Set<string>();
  return batches.map((batch) => ({
    ...batch,
    touchpoints: batch.touchpoints.filter((touchpoint) => !seen.has(touchpoint.id) && Boolean(seen.add(touchpoint.id))),
  }));
}

/** The ledger's part of a group: inputs of every batch, one profile per batch's last visitor. */
async function settleLedgers(sql: Sql, config: Config, fresh: Batch[], lastVisitors: string[], maxSkewMs: number) {
  const names = ledgerInputNames(config);
  const inputs = fresh.flatMap(({ touchpoints, meta }) =>
    touchpoints
      .filter((touchpoint) => names.has(touchpoint.name))
      .map((touchpoint) => ({ touchpoint, receivedAt: meta.receivedAt.getTime(), trusted: meta.trusted })),
  );
  const settled = await updateLedgers(sql, config, inputs, new Set(lastVisitors), maxSkewMs);
  for (const batch of fresh) await settleReferrals(sql, config, batch.touchpoints, batch.meta.receivedAt, maxSkewMs);
  return settled;
}

/**
 * Stores batches, updates the report's roll-ups and the ledgers in one transaction; the
 * callers answer 2xx only once this resolves, that is, once it is committed. The visitors
 * are locked first: their stage and ledger are read, then written, by one collector at a
 * time. Several requests' batches share one transaction and one statement per table, which
 * is what lets a collector store more records per second than it can run transactions.
 */
export async function commitBatches(db: Database, config: Config | null, maxSkewMs: number, batches: Batch[]): Promise<Committed[]> {
  const rewards = config?.rewards;
  const claimed = claimIds(batches);
  return db.transaction(async (sql) => {
    await lockVisitors(
      sql,
      batches.flatMap((batch) => batch.touchpoints.map((touchpoint) => touchpoint.anonymousId)),
    );
    const inserted = await insertRecords(sql, claimed);
    const fresh = claimed.map((batch) => ({ ...batch, touchpoints: batch.touchpoints.filter((touchpoint) => inserted.has(touchpoint.id)) }));
    await updateReportTables(sql, fresh);
    const ids = fresh.map((batch) => new Set(batch.touchpoints.map((touchpoint) => touchpoint.id)));
    if (!config || !rewards) return ids.map((batchIds) => ({ inserted: batchIds, refused: [] }));
    const lastVisitors = batches.map((batch) => batch.touchpoints[batch.touchpoints.length - 1]!.anonymousId);
    const { entries, profiles } = await settleLedgers(sql, config, fresh, lastVisitors, maxSkewMs);
    return ids.map((batchIds, index) => ({
      inserted: batchIds,
      profile: profiles.get(lastVisitors[index]!)!,
      refused: refusalsAmong(entries, batchIds),
    }));
  });
}

function refusalsAmong(entries: LedgerEntry[], ids: Set<string>): Committed['refused'] {
  return entries
    .filter((entry) => entry.refused !== null && ids.has(entry.source))
    .map((entry) => ({ id: entry.source, offerId: entry.offerId, reason: entry.refused! }));
}
