import type { Config } from '../config/schema.js';
import { RESERVED } from '../types.js';
import { JOURNEY } from './journey-records.js';

export { JOURNEY, JOURNEY_RECORDS } from './journey-records.js';

export const LEDGER_OUTPUTS: ReadonlySet<string> = new Set([
  RESERVED.points,
  RESERVED.tier,
  JOURNEY.challengeProgress,
  JOURNEY.challengeCompleted,
  JOURNEY.streak,
]);

const journeyNames = new WeakMap<Config, Set<string>>();
const inputNames = new WeakMap<Config, Set<string>>();

/**
 * Names a challenge, streak or expiry listens to, besides the earning rules: `$stage` when a
 * challenge starts only for some stages, `$page_view` when points expire (a returning
 * visitor's first page is when their old points go).
 */
export function journeyInputNames(config: Config): Set<string> {
  let names = journeyNames.get(config);
  if (names) return names;
  const rewards = config.rewards ?? {};
  names = new Set<string>();
  for (const challenge of rewards.challenges ?? []) {
    for (const step of challenge.steps) names.add(step.event);
    if (challenge.startIf?.stage) names.add(RESERVED.stage);
  }
  for (const streak of rewards.streaks ?? []) {
    names.add(streak.on);
    if (streak.breakOn) names.add(streak.breakOn);
  }
  if (rewards.expiry) names.add(RESERVED.pageView);
  for (const output of LEDGER_OUTPUTS) names.delete(output);
  journeyNames.set(config, names);
  return names;
}

/** Every name the ledger reads: rules, `$redeem`, and the journey inputs. The collector feeds it these. */
export function ledgerInputNames(config: Config): Set<string> {
  let names = inputNames.get(config);
  if (!names) {
    names = new Set([RESERVED.redeem, ...(config.rewards?.rules ?? []).map((rule) => rule.on), ...journeyInputNames(config)]);
    inputNames.set(config, names);
  }
  return names;
}
