import { unsafeRegexReason } from '../rules/safe-regex.js';
import type { PathSegment } from './paths.js';
import { placementProblems } from './placement-semantics.js';
import { pollProblems, quizProblems, surveyProblems } from './survey-semantics.js';

export interface RawProblem {
  path: PathSegment[];
  message: string;
}

type Obj = Record<string, unknown>;
const isObj = (value: unknown): value is Obj => typeof value === 'object' && value !== null && !Array.isArray(value);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const ids = (items: unknown): string[] => list(items).flatMap((item) => (isObj(item) && typeof item.id === 'string' ? [item.id] : []));

/** Allowed `max` per rating scale: thumbs is up/down only. */
export const RATING_MAX: Record<string, [number, number]> = { stars: [3, 10], emoji: [3, 10], numeric: [3, 10], thumbs: [2, 2] };

/** What a prompt's kind adds: a rating's scale, a poll's labels, a survey's or a quiz's questions. */
function kindProblems(prompt: Obj, defaultLocale: string, at: (...rest: PathSegment[]) => PathSegment[], report: Report) {
  if (prompt.kind === 'rating') checkRating(prompt, at, report);
  if (prompt.kind === 'poll') pollProblems(prompt, defaultLocale, at, report);
  if (prompt.kind === 'quiz') {
    checkUnique(prompt.questions, at('questions'), report);
    quizProblems(prompt, at, report);
  }
  if (prompt.kind === 'survey') {
    checkUnique(prompt.questions, at('questions'), report);
    surveyProblems(prompt, at, report);
    list(prompt.questions).forEach(
      (question, position) => isObj(question) && question.type === 'rating' && checkRating(question, (...rest) => at('questions', position, ...rest), report),
    );
  }
}

/**
 * Checks a shape cannot express: cross-references, uniqueness, order, regex syntax.
 * Walks the raw input defensively so shape errors elsewhere do not hide these.
 */
export function semanticProblems(input: unknown): RawProblem[] {
  const problems: RawProblem[] = [];
  if (!isObj(input)) return problems;
  const report = (path: PathSegment[], message: string) => problems.push({ path, message });
  const rewards = isObj(input.rewards) ? input.rewards : {};

  for (const [key, items] of [
    ['stages', input.stages],
    ['prompts', input.prompts],
  ] as const)
    checkUnique(items, [key], report);
  for (const key of ['rules', 'tiers', 'offers']) checkUnique(rewards[key], ['rewards', key], report);

  const known = {
    stage: new Set(ids(input.stages)),
    tier: new Set(ids(rewards.tiers)),
    prompt: new Set(ids(input.prompts)),
  };

  const tiers = list(rewards.tiers);
  const mins = tiers.map((tier) => (isObj(tier) && typeof tier.min === 'number' ? tier.min : NaN));
  if (mins.some((min, index) => index > 0 && !(min > (mins[index - 1] ?? -Infinity)))) {
    report(['rewards', 'tiers'], 'tiers must be listed in ascending order of `min`, each higher than the last');
  }

  list(input.stages).forEach((stage, index) => {
    if (isObj(stage)) checkCondition(stage.when, ['stages', index, 'when'], known, report);
  });

  const offers = new Set(ids(rewards.offers));
  list(input.prompts).forEach((prompt, index) => {
    if (!isObj(prompt)) return;
    const at = (...rest: PathSegment[]) => ['prompts', index, ...rest];
    checkCondition(prompt.if, at('if'), known, report);
    if (isObj(prompt.trigger)) checkWhere(prompt.trigger.where, at('trigger', 'where'), report);
    if (prompt.kind === 'reward' && typeof prompt.offer === 'string' && !offers.has(prompt.offer)) {
      report(at('offer'), `offer "${prompt.offer}" is not defined in rewards.offers`);
    }
    const defaultLocale = typeof input.defaultLocale === 'string' ? input.defaultLocale : 'en';
    kindProblems(prompt, defaultLocale, at, report);
    checkUnique(prompt.variants, at('variants'), report);
    // A variant's own questions and choices, checked as the prompt's are, at the variant's path.
    list(prompt.variants).forEach((variant, position) => {
      if (!isObj(variant) || prompt.kind === 'rating') return;
      const own = { kind: prompt.kind, content: isObj(variant.content) ? variant.content : {}, questions: variant.questions };
      kindProblems(own, defaultLocale, (...rest) => at('variants', position, ...rest), report);
    });
    placementProblems(prompt, at(), report);
    if (isObj(prompt.schedule) && typeof prompt.schedule.start === 'string' && typeof prompt.schedule.end === 'string') {
      if (Date.parse(prompt.schedule.start) >= Date.parse(prompt.schedule.end)) report(at('schedule', 'end'), 'end must be after start');
    }
  });

  list(rewards.rules).forEach((rule, index) => {
    if (isObj(rule)) checkWhere(rule.where, ['rewards', 'rules', index, 'where'], report);
  });
  return problems;
}

type Report = (path: PathSegment[], message: string) => void;

function checkUnique(items: unknown, path: PathSegment[], report: Report) {
  const seen = new Set<string>();
  list(items).forEach((item, index) => {
    if (!isObj(item) || typeof item.id !== 'string') return;
    if (seen.has(item.id)) report([...path, index, 'id'], `duplicate id "${item.id}"`);
    seen.add(item.id);
  });
}

function checkRating(prompt: Obj, at: (...rest: PathSegment[]) => PathSegment[], report: Report) {
  const scale = typeof prompt.scale === 'string' ? prompt.scale : 'stars';
  const range = RATING_MAX[scale];
  const max = prompt.max;
  if (range && typeof max === 'number' && (max < range[0] || max > range[1])) {
    report(at('max'), range[0] === range[1] ? `${scale} has exactly ${range[0]} options` : `${scale} max must be between ${range[0]} and ${range[1]}`);
  }
  const followUp = isObj(prompt.content) ? prompt.content.followUp : undefined;
  const top = typeof max === 'number' ? max : range?.[1] === 2 ? 2 : 5;
  if (isObj(followUp)) {
    for (const key of ['below', 'above'] as const) {
      const bound = followUp[key];
      if (typeof bound === 'number' && (bound < 1 || bound > top)) report(at('content', 'followUp', key), `must be between 1 and ${top}`);
    }
  }
}

export function checkWhere(where: unknown, path: PathSegment[], report: Report) {
  if (!isObj(where)) return;
  for (const [prop, ops] of Object.entries(where)) checkOperators(ops, [...path, prop], report);
}

const ORDERED_FACTS = ['stage', 'tier'] as const;
const NAMED_FACTS = ['trait', 'query'] as const;
const PLAIN_FACTS = ['points', 'url', 'path', 'referrer', 'device', 'locale'] as const;

export function checkCondition(condition: unknown, path: PathSegment[], known: { stage: Set<string>; tier: Set<string>; prompt: Set<string> }, report: Report) {
  if (!isObj(condition)) return;
  for (const key of ['all', 'any'] as const) {
    list(condition[key]).forEach((child, index) => checkCondition(child, [...path, key, index], known, report));
  }
  if (condition.not !== undefined) checkCondition(condition.not, [...path, 'not'], known, report);
  if (condition.event === undefined) {
    for (const key of ['count', 'withinDays', 'where']) {
      if (condition[key] !== undefined) report([...path, key], `"${key}" needs an "event" beside it`);
    }
  }
  checkWhere(condition.where, [...path, 'where'], report);
  if (condition.count !== undefined) checkOperators(condition.count, [...path, 'count'], report);

  for (const fact of ORDERED_FACTS) {
    const ops = condition[fact];
    if (!isObj(ops)) continue;
    checkOperators(ops, [...path, fact], report);
    const names = known[fact];
    for (const op of ['eq', 'neq', 'atLeast', 'atMost', 'in', 'notIn']) {
      for (const value of Array.isArray(ops[op]) ? ops[op] : [ops[op]]) {
        if (typeof value === 'string' && !names.has(value)) {
          report([...path, fact, op], `${fact} "${value}" is not defined in ${fact === 'stage' ? 'stages' : 'rewards.tiers'}`);
        }
      }
    }
  }
  for (const fact of PLAIN_FACTS) checkOperators(condition[fact], [...path, fact], report);
  for (const fact of NAMED_FACTS) checkWhere(condition[fact], [...path, fact], report);
  for (const group of ['session', 'page'] as const) checkWhere(condition[group], [...path, group], report);
  if (isObj(condition.prompt)) {
    for (const [promptId, facts] of Object.entries(condition.prompt)) {
      if (!known.prompt.has(promptId)) report([...path, 'prompt', promptId], `prompt "${promptId}" is not defined in prompts`);
      checkWhere(facts, [...path, 'prompt', promptId], report);
    }
  }
}

export function checkOperators(ops: unknown, path: PathSegment[], report: Report) {
  if (!isObj(ops)) return;
  if (typeof ops.regex === 'string') {
    const flags = typeof ops.flags === 'string' ? ops.flags : '';
    try {
      new RegExp(ops.regex, flags);
      const unsafe = unsafeRegexReason(ops.regex, flags);
      if (unsafe) report([...path, 'regex'], `unsafe regular expression: ${unsafe}`);
    } catch (error) {
      report([...path, 'regex'], `invalid regular expression: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (ops.flags !== undefined && ops.regex === undefined) report([...path, 'flags'], '"flags" needs a "regex" beside it');
  const between = ops.between;
  if (Array.isArray(between) && typeof between[0] === 'number' && typeof between[1] === 'number' && between[0] > between[1]) {
    report([...path, 'between'], 'the lower bound comes first');
  }
  if (Object.keys(ops).length === 0) report(path, 'needs at least one operator');
}
