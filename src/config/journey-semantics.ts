import type { PathSegment } from './paths.js';
import { checkCondition, checkWhere, type RawProblem } from './semantic.js';

type Obj = Record<string, unknown>;
type Report = (path: PathSegment[], message: string) => void;
const isObj = (value: unknown): value is Obj => typeof value === 'object' && value !== null && !Array.isArray(value);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const idOf = (item: unknown) => (isObj(item) && typeof item.id === 'string' ? item.id : undefined);
const ids = (item: unknown) => (isObj(item) && typeof item.id === 'string' ? [item.id] : []);
type Known = { stage: Set<string>; tier: Set<string>; prompt: Set<string> };

/**
 * Checks of challenges, streaks, expiry and referrals that their shape cannot express. Rules,
 * challenges and streaks share one id space: a `$points` record names its source by that id.
 */
export function journeyProblems(input: unknown): RawProblem[] {
  const problems: RawProblem[] = [];
  if (!isObj(input)) return problems;
  const report: Report = (path, message) => problems.push({ path, message });
  const rewards = isObj(input.rewards) ? input.rewards : {};
  const taken = new Map<string, string>();
  for (const key of ['rules', 'challenges', 'streaks']) {
    list(rewards[key]).forEach((item, index) => {
      const id = idOf(item);
      if (id === undefined) return;
      const owner = taken.get(id);
      if (owner && owner !== key) report(['rewards', key, index, 'id'], `id "${id}" is already used in rewards.${owner}`);
      else if (!owner) taken.set(id, key);
    });
  }
  const known: Known = { stage: new Set(list(input.stages).flatMap(ids)), tier: new Set(list(rewards.tiers).flatMap(ids)), prompt: new Set() };
  list(rewards.challenges).forEach((challenge, index) => {
    checkChallenge(challenge, ['rewards', 'challenges', index], known, report);
  });
  list(rewards.streaks).forEach((streak, index) => {
    if (!isObj(streak)) return;
    checkWhere(streak.where, ['rewards', 'streaks', index, 'where'], report);
    const lengths = list(streak.milestones).map((milestone) => (isObj(milestone) ? milestone.length : undefined));
    if (lengths.some((length, at) => at > 0 && !((length as number) > (lengths[at - 1] as number)))) {
      report(['rewards', 'streaks', index, 'milestones'], 'milestones must be listed in ascending order of `length`, each longer than the last');
    }
  });
  const expiry = rewards.expiry;
  if (isObj(expiry) && typeof expiry.soonDays === 'number' && typeof expiry.afterDays === 'number' && expiry.soonDays > expiry.afterDays) {
    report(['rewards', 'expiry', 'soonDays'], 'must not be more than afterDays');
  }
  if (isObj(rewards.referrals)) {
    checkWhere(rewards.referrals.where, ['rewards', 'referrals', 'where'], report);
    // The referrer and the referred visitor use different browsers: only the collector sees both.
    if (rewards.authority !== 'server') report(['rewards', 'referrals'], 'referrals need "authority": "server" in rewards: only the collector can verify them');
  }
  const challenges = new Set(list(rewards.challenges).map(idOf));
  list(input.prompts).forEach((prompt, index) => {
    if (isObj(prompt) && typeof prompt.challenge === 'string' && !challenges.has(prompt.challenge)) {
      report(['prompts', index, 'challenge'], `challenge "${prompt.challenge}" is not defined in rewards.challenges`);
    }
  });
  return problems;
}

function checkChallenge(challenge: unknown, path: PathSegment[], known: Known, report: Report) {
  if (!isObj(challenge)) return;
  list(challenge.steps).forEach((step, index) => {
    if (isObj(step)) checkWhere(step.where, [...path, 'steps', index, 'where'], report);
  });
  // `startIf` is a condition of stage, tier and points alone, checked as conditions are.
  checkCondition(challenge.startIf, [...path, 'startIf'], known, report);
}
