import { JOURNEY_RECORDS } from '../rewards/journey-records.js';
import { RESERVED } from '../types.js';
import type { PathSegment } from './paths.js';
import type { RawProblem } from './semantic.js';
import { didYouMean } from './suggest.js';
import { unreachableQuestions } from './survey-semantics.js';

const RESERVED_NAMES: string[] = [...Object.values(RESERVED), ...JOURNEY_RECORDS];
const bare = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');
const byBareName = new Map(RESERVED_NAMES.map((name) => [bare(name), name]));

type Obj = Record<string, unknown>;
const isObj = (value: unknown): value is Obj => typeof value === 'object' && value !== null && !Array.isArray(value);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/**
 * What is valid but almost surely not meant: an event that looks like one Waymark records
 * but is not, so its trigger, rule or condition silently never fires (`exit_intent` without
 * the `$`, `$exit-intent`).
 */
export function configWarnings(input: unknown): RawProblem[] {
  const warnings: RawProblem[] = [];
  if (!isObj(input)) return warnings;
  const checkEvent = (name: unknown, path: PathSegment[]) => {
    const message = typeof name === 'string' ? reservedLookalike(name) : null;
    if (message) warnings.push({ path, message });
  };
  const checkCondition = (condition: unknown, path: PathSegment[]): void => {
    if (!isObj(condition)) return;
    checkEvent(condition.event, [...path, 'event']);
    for (const key of ['all', 'any'] as const) list(condition[key]).forEach((child, index) => checkCondition(child, [...path, key, index]));
    checkCondition(condition.not, [...path, 'not']);
  };
  list(input.stages).forEach((stage, index) => isObj(stage) && checkCondition(stage.when, ['stages', index, 'when']));
  list(input.prompts).forEach((prompt, index) => {
    if (!isObj(prompt)) return;
    if (isObj(prompt.trigger)) checkEvent(prompt.trigger.on, ['prompts', index, 'trigger', 'on']);
    checkCondition(prompt.if, ['prompts', index, 'if']);
    if (prompt.kind === 'survey')
      for (const question of unreachableQuestions(prompt))
        warnings.push({ path: ['prompts', index, 'questions', question], message: 'no answer leads to this question: nobody will see it' });
  });
  const rules = isObj(input.rewards) ? input.rewards.rules : undefined;
  list(rules).forEach((rule, index) => isObj(rule) && checkEvent(rule.on, ['rewards', 'rules', index, 'on']));
  journeyEvents(input, checkEvent);
  return warnings;
}

function reservedLookalike(name: string): string | null {
  if (name.startsWith('$')) {
    if (RESERVED_NAMES.includes(name)) return null;
    return `"${name}" is not an event Waymark records, and the page cannot track names starting with "$", so this never fires${didYouMean(name, RESERVED_NAMES)}`;
  }
  const reserved = byBareName.get(bare(name));
  return reserved ? `"${name}" fires only when the page tracks it itself; Waymark records "${reserved}"` : null;
}

/** The events challenges, streaks and referrals listen to: the same lookalikes never fire there either. */
function journeyEvents(input: Obj, checkEvent: (name: unknown, path: PathSegment[]) => void) {
  const rewards = isObj(input.rewards) ? input.rewards : {};
  list(rewards.challenges).forEach((challenge, index) => {
    if (!isObj(challenge)) return;
    list(challenge.steps).forEach((step, at) => isObj(step) && checkEvent(step.event, ['rewards', 'challenges', index, 'steps', at, 'event']));
  });
  list(rewards.streaks).forEach((streak, index) => {
    if (!isObj(streak)) return;
    for (const key of ['on', 'breakOn'] as const) checkEvent(streak[key], ['rewards', 'streaks', index, key]);
  });
  if (isObj(rewards.referrals)) checkEvent(rewards.referrals.on, ['rewards', 'referrals', 'on']);
}
