import type { Config, Prompt } from '../config/schema.js';
import type { Props } from '../types.js';
import { challengeViews, type ChallengeView } from './challenge-view.js';
import { expiringSoon } from './expiry.js';
import { JOURNEY } from './journey-names.js';
import type { Ledger } from './live-ledger.js';
import { newReferralCode, normalizeReferralCode } from './referral-code.js';

type Record_ = { name: string; props: Props };
export interface ReferralLink {
  code: string;
  url: string;
}

/**
 * The journey rewards as a page sees them: challenge views (kept while the ledger is
 * unchanged, so a signal holding them fires only on change), prompt placeholders and referrals.
 */
export function createJourneyView(config: Config, ledger: Ledger) {
  let cached: { state: string; views: Record<string, ChallengeView> } | null = null;
  const challenges = (now = Date.now()): Record<string, ChallengeView> => {
    // The window of an attempt closes with time alone, so the key holds the views' ends too.
    const views = challengeViews(config, ledger.toJSON(), now);
    const key = JSON.stringify(views);
    if (cached?.state !== key) cached = { state: key, views };
    return cached.views;
  };

  /** `{expiringSoon}` everywhere; `{progress}` (a whole percent) and the steps for a prompt with `challenge`. */
  const forPrompt = (prompt: Prompt | undefined, now = Date.now()): { vars: Record<string, string | number>; challenge?: ChallengeView } => {
    const soon = expiringSoon(config, ledger.toJSON(), now);
    const vars: Record<string, string | number> = { expiringSoon: soon.points };
    if (soon.at !== null) vars.expiresOn = new Date(soon.at).toISOString().slice(0, 10);
    const id = prompt?.kind === 'reward' ? prompt.challenge : undefined;
    const challenge = id === undefined ? undefined : challenges(now)[id];
    if (!challenge) return { vars };
    vars.progress = Math.round(challenge.progress * 100);
    return { vars, challenge };
  };

  /** The visitor's code and link; the first call records `$referral_code` so the collector knows whose it is. */
  const referral = (base: string | undefined, here: string): { link: ReferralLink | null; records: Record_[] } => {
    if (!config.rewards?.referrals) return { link: null, records: [] };
    const records: Record_[] = [];
    let code = ledger.toJSON().referralCode;
    if (!code) {
      code = newReferralCode();
      ledger.remember({ referralCode: code });
      records.push({ name: JOURNEY.referralCode, props: { code } });
    }
    const url = new URL(base ?? here, here);
    url.searchParams.set(config.rewards.referrals.param ?? 'ref', code);
    return { link: { code, url: url.href }, records };
  };

  /** A landing with `?ref=CODE` records `$referred` once per visitor; the collector decides if it counts. */
  const landing = (search: string): Record_[] => {
    const referrals = config.rewards?.referrals;
    if (!referrals || ledger.toJSON().referredBy) return [];
    const code = normalizeReferralCode(new URLSearchParams(search).get(referrals.param ?? 'ref'));
    if (!code) return [];
    ledger.remember({ referredBy: code });
    return [{ name: JOURNEY.referred, props: { code } }];
  };

  return { challenges, forPrompt, referral, landing };
}

export type JourneyView = ReturnType<typeof createJourneyView>;
