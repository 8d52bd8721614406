import type { Challenge, Config } from '../config/schema.js';
import type { Touchpoint } from '../types.js';
import { matchesWhere } from '../rules/conditions.js';
import { setOwn } from '../rules/lookup.js';
import { testOperators } from '../rules/operators.js';
import { DAY_MS } from './earning-rules.js';
import { JOURNEY } from './journey-names.js';
import { hasOwn, type StepContext } from './step-context.js';

const required = (challenge: Challenge, index: number) => challenge.steps[index]!.count ?? 1;

/** 0–1: the share of all step counts reached (a step counts no further than it needs). */
export function challengeProgress(challenge: Challenge, counts: readonly number[]): number {
  let reached = 0;
  let needed = 0;
  challenge.steps.forEach((_, index) => {
    needed += required(challenge, index);
    reached += Math.min(counts[index] ?? 0, required(challenge, index));
  });
  return needed ? reached / needed : 0;
}

export const windowClosed = (challenge: Challenge, start: number, at: number) =>
  challenge.withinDays !== undefined && at > start + challenge.withinDays * DAY_MS;

/** The step this touchpoint advances: in order, only the first unfinished one; else any unfinished. */
function stepFor(challenge: Challenge, counts: readonly number[], touchpoint: Touchpoint): number {
  for (let index = 0; index < challenge.steps.length; index++) {
    const step = challenge.steps[index]!;
    const unfinished = (counts[index] ?? 0) < required(challenge, index);
    if (unfinished && step.event === touchpoint.name && matchesWhere(step.where, touchpoint.props)) return index;
    if (unfinished && challenge.inOrder) return -1;
  }
  return -1;
}

/** `startIf` reads only what the ledger knows itself, so the collector decides as the browser does. */
function mayStart(config: Config, challenge: Challenge, context: StepContext): boolean {
  const startIf = challenge.startIf;
  if (!startIf) return true;
  const stages = (config.stages ?? []).map((stage) => stage.id);
  const tiers = (config.rewards?.tiers ?? []).map((tier) => tier.id);
  const { state } = context;
  return (
    (!startIf.stage || testOperators(startIf.stage, state.stage ?? undefined, stages)) &&
    (!startIf.tier || testOperators(startIf.tier, state.tier ?? undefined, tiers)) &&
    (!startIf.points || testOperators(startIf.points, state.points))
  );
}

function stepChallenge(context: StepContext, challenge: Challenge) {
  const { state, touchpoint, at, output } = context;
  state.challenges ??= {};
  const states = state.challenges;
  const current = hasOwn(states, challenge.id) ? states[challenge.id]! : setOwn(states, challenge.id, { start: null, counts: [], done: 0 });
  if (current.done > 0 && !challenge.repeatable) return;
  const base = { challenge: challenge.id, source: touchpoint.id };
  if (current.start !== null && windowClosed(challenge, current.start, at)) {
    current.start = null;
    current.counts = [];
    output.push({ name: JOURNEY.challengeProgress, props: { ...base, step: null, count: 0, progress: 0, expired: true } });
  }
  const index = stepFor(challenge, current.counts, touchpoint);
  if (index < 0 || (current.start === null && !mayStart(context.config, challenge, context))) return;
  current.start ??= at;
  while (current.counts.length < challenge.steps.length) current.counts.push(0);
  const count = ++current.counts[index]!;
  const progress = challengeProgress(challenge, current.counts);
  output.push({ name: JOURNEY.challengeProgress, props: { ...base, step: index, count, progress, expired: false } });
  if (progress < 1) return;
  current.done++;
  current.start = null;
  current.counts = [];
  output.push({ name: JOURNEY.challengeCompleted, props: { ...base, points: challenge.points, completions: current.done } });
  if (challenge.points > 0) context.change(challenge.points, challenge.id);
}

/** Advances every challenge this touchpoint is a step of. */
export function stepChallenges(context: StepContext): void {
  for (const challenge of context.config.rewards?.challenges ?? []) stepChallenge(context, challenge);
}
