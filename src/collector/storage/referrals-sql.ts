import type { Sql } from './database.js';

/** The owner of a referral code: the visitor whose `$referral_code` record claimed it first. */
export interface CodeOwner {
  anonymousId: string;
  userId: string | null;
}

export interface ReferralRow {
  referredId: string;
  referrerId: string | null;
  code: string;
  refused: string | null;
  rewardedAt: Date | string | null;
}

/** First claim wins: a later record with the same code (a copy, or someone who saw it) changes nothing. */
export async function claimCode(sql: Sql, code: string, owner: CodeOwner, at: Date): Promise<void> {
  await sql.query('INSERT INTO waymark_referral_codes (code, anonymous_id, user_id, at) VALUES ($1, $2, $3, $4) ON CONFLICT (code) DO NOTHING', [
    code,
    owner.anonymousId,
    owner.userId,
    at.toISOString(),
  ]);
}

export async function codeOwner(sql: Sql, code: string): Promise<CodeOwner | null> {
  const [row] = await sql.query<CodeOwner>('SELECT anonymous_id AS "anonymousId", user_id AS "userId" FROM waymark_referral_codes WHERE code = $1', [code]);
  return row ?? null;
}

/** A visitor is referred once: the first `$referred` that arrives is the one that counts. */
export async function addReferral(sql: Sql, row: Omit<ReferralRow, 'rewardedAt'>, at: Date): Promise<boolean> {
  const inserted = await sql.query(
    'INSERT INTO waymark_referrals (referred_id, referrer_id, code, refused, at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (referred_id) DO NOTHING RETURNING 1',
    [row.referredId, row.referrerId, row.code, row.refused, at.toISOString()],
  );
  return inserted.length > 0;
}

export async function referralOf(sql: Sql, referredId: string): Promise<ReferralRow | null> {
  const [row] = await sql.query<ReferralRow>(
    'SELECT referred_id AS "referredId", referrer_id AS "referrerId", code, refused, rewarded_at AS "rewardedAt" FROM waymark_referrals WHERE referred_id = $1',
    [referredId],
  );
  return row ?? null;
}

export async function settleReferral(sql: Sql, referredId: string, referrerId: string | null, refused: string | null): Promise<void> {
  await sql.query('UPDATE waymark_referrals SET referrer_id = $2, refused = $3 WHERE referred_id = $1', [referredId, referrerId, refused]);
}

/** Marks the referral paid; false when another batch paid it first. */
export async function markRewarded(sql: Sql, referredId: string, at: Date): Promise<boolean> {
  const rows = await sql.query('UPDATE waymark_referrals SET rewarded_at = $2 WHERE referred_id = $1 AND rewarded_at IS NULL RETURNING 1', [
    referredId,
    at.toISOString(),
  ]);
  return rows.length > 0;
}

/** Whom `anonymousId` was referred by, if anyone accepted: one step up the referral chain. */
export async function referrerOf(sql: Sql, anonymousId: string): Promise<string | null> {
  const [row] = await sql.query<{ referrer: string | null }>(
    'SELECT referrer_id AS referrer FROM waymark_referrals WHERE referred_id = $1 AND refused IS NULL',
    [anonymousId],
  );
  return row?.referrer ?? null;
}

/** Erasure: the visitor's codes and every referral they are part of. */
export async function eraseReferrals(sql: Sql, anonymousId: string): Promise<void> {
  await sql.query('DELETE FROM waymark_referral_codes WHERE anonymous_id = $1', [anonymousId]);
  await sql.query('DELETE FROM waymark_referrals WHERE referred_id = $1 OR referrer_id = $1', [anonymousId]);
}
