import type { Config } from '../config/schema.js';
import { JOURNEY } from '../rewards/journey-names.js';
import { normalizeReferralCode } from '../rewards/referral-code.js';
import { matchesWhere } from '../rules/conditions.js';
import { applyInputs, newVisitorLedger, type LedgerEntry, type LedgerInput } from './authority.js';
import type { StoredTouchpoint } from './records.js';
import type { Sql } from './storage/database.js';
import { loadLedger, lockVisitors, saveLedger } from './storage/ledgers-sql.js';
import { addReferral, claimCode, codeOwner, markRewarded, referralOf, referrerOf, settleReferral, type CodeOwner } from './storage/referrals-sql.js';

/** Longer referral chains than this are not walked for loops: no real programme nests so deep. */
const MAX_CHAIN = 50;

/**
 * Why `owner`'s code cannot refer this visitor, or null when it can: their own code (the same
 * browser, or the same signed-in user on another), or a loop back through the referral chain.
 */
async function refusal(sql: Sql, referred: { anonymousId: string; userId: string | null }, owner: CodeOwner): Promise<string | null> {
  if (owner.anonymousId === referred.anonymousId || (owner.userId !== null && owner.userId === referred.userId)) return 'self-referral';
  let above: string | null = owner.anonymousId;
  for (let depth = 0; depth < MAX_CHAIN && above !== null; depth++) {
    above = await referrerOf(sql, above);
    if (above === referred.anonymousId) return 'referral loop';
  }
  return null;
}

/** `$referred`: the visitor's first referral is kept, accepted or refused; an unknown code waits for its owner. */
async function link(sql: Sql, touchpoint: StoredTouchpoint, receivedAt: Date) {
  const code = normalizeReferralCode(touchpoint.props.code);
  if (!code) return;
  const owner = await codeOwner(sql, code);
  const refused = owner ? await refusal(sql, touchpoint, owner) : null;
  await addReferral(sql, { referredId: touchpoint.anonymousId, referrerId: owner?.anonymousId ?? null, code, refused }, receivedAt);
}

/** The referred visitor did the configured thing: the referrer earns once, in the collector's ledger. */
async function pay(sql: Sql, config: Config, referred: StoredTouchpoint, receivedAt: Date, maxSkewMs: number): Promise<LedgerEntry[]> {
  const referral = await referralOf(sql, referred.anonymousId);
  if (!referral || referral.refused !== null || referral.rewardedAt !== null) return [];
  let referrerId = referral.referrerId;
  if (referrerId === null) {
    const owner = await codeOwner(sql, referral.code);
    if (!owner) return [];
    const refused = await refusal(sql, referred, owner);
    await settleReferral(sql, referred.anonymousId, owner.anonymousId, refused);
    if (refused) return [];
    referrerId = owner.anonymousId;
  }
  if (!(await markRewarded(sql, referred.anonymousId, receivedAt))) return [];
  await lockVisitors(sql, [referrerId]);
  const ledger = (await loadLedger(sql, referrerId)) ?? newVisitorLedger(config);
  const input: LedgerInput = {
    // One id per referred visitor: even a replayed award is a duplicate to the ledger.
    touchpoint: {
      id: `${JOURNEY.referral}:${referred.anonymousId}`,
      name: JOURNEY.referral,
      props: { referred: referred.anonymousId, code: referral.code },
      ts: receivedAt.toISOString(),
      anonymousId: referrerId,
      userId: null,
      sessionId: '',
      page: { url: '', path: '', referrer: '', title: '' },
    },
    receivedAt: receivedAt.getTime(),
    trusted: true,
  };
  const made = applyInputs(config, ledger, [input], maxSkewMs);
  await saveLedger(sql, referrerId, ledger, made);
  if (!made.length) await settleReferral(sql, referred.anonymousId, referrerId, 'the referrer reached referrals.limit.lifetime');
  return made;
}

/**
 * Referrals cross browsers, so only the collector can verify them: codes claimed by
 * `$referral_code`, links made by `$referred`, and payment when the referred visitor's record
 * matches `referrals.on` and `where`. Runs in the batch's transaction, on its new records only.
 */
export async function settleReferrals(sql: Sql, config: Config, touchpoints: StoredTouchpoint[], receivedAt: Date, maxSkewMs: number): Promise<LedgerEntry[]> {
  const referrals = config.rewards?.referrals;
  if (!referrals) return [];
  for (const touchpoint of touchpoints) {
    const code = touchpoint.name === JOURNEY.referralCode ? normalizeReferralCode(touchpoint.props.code) : null;
    if (code) await claimCode(sql, code, touchpoint, receivedAt);
  }
  for (const touchpoint of touchpoints) if (touchpoint.name === JOURNEY.referred) await link(sql, touchpoint, receivedAt);
  const entries: LedgerEntry[] = [];
  for (const touchpoint of touchpoints) {
    if (touchpoint.name === referrals.on && matchesWhere(referrals.where, touchpoint.props))
      entries.push(...(await pay(sql, config, touchpoint, receivedAt, maxSkewMs)));
  }
  return entries;
}
