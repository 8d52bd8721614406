import { setOwn } from '../rules/lookup.js';
import { JOURNEY } from './journey-names.js';
import { hasOwn, type StepContext } from './step-context.js';

/**
 * Pays the referrer for one referred visitor. Only the collector records `$referral` (a trusted
 * input it makes itself once the referral is verified), so no browser can pay itself.
 */
export function awardReferral(context: StepContext): void {
  const referrals = context.config.rewards?.referrals;
  if (!referrals) return;
  const { awards } = context.state;
  const paid = hasOwn(awards, JOURNEY.referral) ? awards[JOURNEY.referral]! : setOwn(awards, JOURNEY.referral, { n: 0, days: {} });
  if (paid.n >= (referrals.limit?.lifetime ?? Infinity)) return;
  paid.n++;
  context.change(referrals.points, JOURNEY.referral);
}
