import type { Config } from '../config/schema.js';
import { ledgerInputNames } from '../rewards/journey-names.js';
import { settleReferrals } from './referrals.js';
import { applyInputs, newVisitorLedger, profileOf, type LedgerEntry, type LedgerInput } from './authority.js';
import type { StoredTouchpoint } from './records.js';
import type { Database, Sql } from './storage/database.js';
import { loadLedger, lockVisitors, saveLedger } from './storage/ledgers-sql.js';
import { updateReportTables } from './report/rollup-sql.js';
import { insertRecords } from './storage/records-sql.js';

export interface BatchMeta {
  receivedAt: Date;
  writeKey: string | null;
  trusted: boolean;
}

export interface Committed {
  inserted: Set<string>;
  /** The server's ledger of the batch's last visitor (the page that sent it), with a config. */
  profile?: { points: number; tier: string | null; lifetime: number };
  /** Redemptions the server balance did not cover. */
  refused: Array<{ id: string; offerId: string | null; reason: string }>;
}

/** Applies the new records of each visitor to their stored ledger; returns every entry made. */
async function updateLedgers(sql: Sql, config: Config, inputs: LedgerInput[], answerFor: string, maxSkewMs: number) {
  const byVisitor = new Map<string, LedgerInput[]>([[answerFor, []]]);
  for (const input of inputs) byVisitor.set(input.touchpoint.anonymousId, [...(byVisitor.get(input.touchpoint.anonymousId) ?? []), input]);
  const entries: LedgerEntry[] = [];
  let profile: Committed['profile'];
  for (const [anonymousId, visitorInputs] of byVisitor) {
    const ledger = (await loadLedger(sql, anonymousId)) ?? newVisitorLedger(config);
    if (visitorInputs.length) {
      const made = applyInputs(config, ledger, visitorInputs, maxSkewMs);
      await saveLedger(sql, anonymousId, ledger, made);
      entries.push(...made);
    }
    if (anonymousId === answerFor) profile = profileOf(ledger);
  }
  return { entries, profile };
}

/**
 * Stores a batch, updates the report's roll-ups and the ledgers in one transaction; the
 * caller answers 2xx only once this resolves, that is, once it is committed. The visitors
 * are locked first: their stage and ledger are read, then written, by one collector at a time.
 */
export async function commitBatch(
  db: Database,
  config: Config | null,
  maxSkewMs: number,
  touchpoints: StoredTouchpoint[],
  meta: BatchMeta,
): Promise<Committed> {
  const rewards = config?.rewards;
  return db.transaction(async (sql) => {
    await lockVisitors(
      sql,
      touchpoints.map((touchpoint) => touchpoint.anonymousId),
    );
    const inserted = await insertRecords(sql, touchpoints, meta);
    await updateReportTables(
      sql,
      touchpoints.filter((touchpoint) => inserted.has(touchpoint.id)),
      meta,
    );
    if (!config || !rewards) return { inserted, refused: [] };
    const names = ledgerInputNames(config);
    const inputs = touchpoints
      .filter((touchpoint) => inserted.has(touchpoint.id) && names.has(touchpoint.name))
      .map((touchpoint) => ({ touchpoint, receivedAt: meta.receivedAt.getTime(), trusted: meta.trusted }));
    const { entries, profile } = await updateLedgers(sql, config, inputs, touchpoints[touchpoints.length - 1]!.anonymousId, maxSkewMs);
    await settleReferrals(
      sql,
      config,
      touchpoints.filter((touchpoint) => inserted.has(touchpoint.id)),
      meta.receivedAt,
      maxSkewMs,
    );
    const refused = entries.filter((entry) => entry.refused !== null).map((entry) => ({ id: entry.source, offerId: entry.offerId, reason: entry.refused! }));
    return profile ? { inserted, profile, refused } : { inserted, refused };
  });
}
