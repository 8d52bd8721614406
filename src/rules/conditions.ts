import type { Condition, Operators, PropsWhere } from '../config/condition-schema.js';
import type { Props } from '../types.js';
import type { EventQuery, Facts } from './facts.js';
import { isObject, promptValue, propValue, READ_FACT, READ_GROUP } from './lookup.js';
import { compileOperators } from './operators.js';
import { describeOperators, show } from './wording.js';

/** One line of `explain()`: `path` like `if.all[1].points`, `reason` for people. */
export interface ConditionTrace {
  path: string;
  pass: boolean;
  reason: string;
}

/**
 * A compiled condition. Without `lines` it only answers, stopping at the first failing
 * leaf; with `lines` it also writes one line per leaf and per all/any/not, at the parent's
 * `path` plus its own key.
 */
type Check = (facts: Facts, lines?: ConditionTrace[], path?: string) => boolean;

/**
 * Whether `condition` holds for `facts`. Every key of one condition object must hold (an
 * implicit `all`). Never throws: a missing fact or a type mismatch makes that leaf false.
 */
export function evaluate(condition: Condition, facts: Facts): boolean {
  try {
    return compile(condition)(facts);
  } catch {
    // Only reachable with facts that break their own contract, or absurd nesting depth.
    return false;
  }
}

/**
 * Every leaf of `condition` with whether it passes now, and a line per all/any/not saying
 * how its children combine. Wrapped in `{ all: [...] }`, the first line is the overall result.
 */
export function explainCondition(condition: Condition, facts: Facts, path = 'if'): ConditionTrace[] {
  const lines: ConditionTrace[] = [];
  try {
    compile(condition)(facts, lines, path);
  } catch {
    lines.push({ path, pass: false, reason: 'could not be evaluated' });
  }
  return lines;
}

const wheres = new WeakMap<object, Check>();

/** Trigger and reward `where` on a touchpoint's props; no `where` always matches. */
export function matchesWhere(where: PropsWhere | undefined, props: Props): boolean {
  if (where === undefined) return true;
  try {
    let check = wheres.get(where);
    // The same group check as `trait`, reading the props instead of the facts.
    if (!check) wheres.set(where, (check = group(where, '', (name, ops, suffix) => leaf(name, ops, suffix, (values) => propValue(values, name)))));
    return check(props as unknown as Facts);
  } catch {
    return false;
  }
}

// Conditions compile once into closures, keyed by the condition object: configs are
// validated once and never mutated, and 100 prompts must cost microseconds per touchpoint.
const compiled = new WeakMap<object, Check>();

/** A check that always fails, with the reason written at `path + suffix`. */
const fail =
  (reason: string, suffix = ''): Check =>
  (_facts, lines, path) => {
    lines?.push({ path: path + suffix, pass: false, reason });
    return false;
  };

function compile(condition: unknown): Check {
  if (!isObject(condition)) return fail('not a condition object');
  let check = compiled.get(condition);
  if (!check) {
    const hasEvent = typeof condition.event === 'string';
    // count, withinDays and where are parts of the event leaf, not leaves of their own.
    const keys = Object.keys(condition).filter((key) => condition[key] !== undefined && !(hasEvent && /^(count|withinDays|where)$/.test(key)));
    check = every(keys.map((key) => compileKey(key, condition[key], condition, `.${key}`)));
    compiled.set(condition, check);
  }
  return check;
}

/** All checks must hold. With one check (the usual case) no wrapper is needed. */
function every(checks: Check[]): Check {
  if (checks.length === 1) return checks[0]!;
  return (facts, lines, path) => {
    if (!lines) {
      for (const check of checks) if (!check(facts)) return false;
      return true;
    }
    // Explaining: every check writes its lines, so no short-circuit.
    return checks.reduce((pass, check) => check(facts, lines, path) && pass, true);
  };
}

/**
 * One key of a condition object. Checks receive their parent's path and add `suffix`
 * (`.points`, `.all`) only when writing lines, so answering builds no strings.
 */
function compileKey(key: string, arg: unknown, condition: Record<string, unknown>, suffix: string): Check {
  switch (key) {
    case 'all':
    case 'any':
      return combine(key === 'all', arg, suffix);
    case 'not':
      return negate(arg, suffix);
    case 'event':
      return eventLeaf(arg, condition, suffix);
    case 'count':
    case 'withinDays':
    case 'where':
      return fail('needs an "event" beside it', suffix);
    case 'prompt':
      return group(arg, suffix, (promptId, checks, at) =>
        group(checks, at, (name, ops, leafSuffix) => leaf(`prompt ${promptId} ${name}`, ops, leafSuffix, (facts) => promptValue(facts, promptId, name))),
      );
    case 'stage':
      return leaf(key, arg, suffix, (facts) => facts.stage, 'stageOrder');
    case 'tier':
      return leaf(key, arg, suffix, (facts) => facts.tier, 'tierOrder');
  }
  const read = READ_FACT[key];
  if (read) return leaf(key, arg, suffix, read);
  const readGroup = READ_GROUP[key];
  if (readGroup) return group(arg, suffix, (name, ops, at) => leaf(`${key} ${name}`, ops, at, (facts) => readGroup(facts, name)));
  return fail(`unknown condition "${key}"`, suffix);
}

/** `all` (every child holds; an empty list holds) or `any` (at least one; an empty list never does). */
function combine(all: boolean, arg: unknown, suffix: string): Check {
  if (!Array.isArray(arg)) return fail('needs a list of conditions', suffix);
  const children = arg.map(compile);
  return (facts, lines, parent) => {
    if (!lines) {
      // Only the answer is wanted: stop at the first child that decides it.
      for (const child of children) if (child(facts) !== all) return !all;
      return all;
    }
    const path = parent + suffix;
    const line = { path, pass: false, reason: '' };
    lines.push(line);
    const passed = children.filter((child, index) => child(facts, lines, `${path}[${index}]`)).length;
    line.pass = all ? passed === children.length : passed > 0;
    line.reason = `${passed} of ${children.length} hold; needs ${all ? 'all' : 'at least one'}`;
    return line.pass;
  };
}

function negate(arg: unknown, suffix: string): Check {
  const inner = compile(arg);
  return (facts, lines, parent) => {
    if (!lines) return !inner(facts);
    const line = { path: parent + suffix, pass: false, reason: '' };
    lines.push(line);
    line.pass = !inner(facts, lines, line.path);
    line.reason = `the condition under it ${line.pass ? 'fails, so `not` holds' : 'holds, so `not` fails'}`;
    return line.pass;
  };
}

/** Event history: `event` with its `count`, `withinDays` and `where` from the same condition object. */
function eventLeaf(arg: unknown, condition: Record<string, unknown>, suffix: string): Check {
  if (typeof arg !== 'string') return fail('needs an event name', suffix);
  const ops = condition.count as Operators | undefined;
  const count = ops === undefined ? (times: number) => times > 0 : compileOperators(ops);
  const where = isObject(condition.where) ? ` with ${describeWhere(condition.where)}` : '';
  const within = condition.withinDays === undefined ? '' : ` in the last ${show(condition.withinDays)} days`;
  const needs = ops ? describeOperators(ops) : 'at least one';
  return (facts, lines, parent) => {
    const counted = facts.countEvents(condition as unknown as EventQuery);
    const times = typeof counted === 'number' ? counted : 0;
    const pass = count(times);
    const reason = `${show(arg)}${where} happened ${times} time${times === 1 ? '' : 's'}${within}, needs ${needs}`;
    lines?.push({ path: parent + suffix, pass, reason });
    return pass;
  };
}

/** One fact against its operators: "points is 120, needs ≥ 200". */
function leaf(label: string, ops: unknown, suffix: string, read: (facts: Facts) => unknown, order?: 'stageOrder' | 'tierOrder'): Check {
  const test = compileOperators(ops as Operators);
  return (facts, lines, parent) => {
    const value = read(facts);
    const pass = test(value, order && facts[order]);
    lines?.push({ path: parent + suffix, pass, reason: `${label} is ${show(value)}, needs ${describeOperators(ops as Operators)}` });
    return pass;
  };
}

/** `{ name: operators }` groups (trait, query, session, page, prompt): every entry holds. */
function group(entries: unknown, suffix: string, entry: (name: string, value: unknown, suffix: string) => Check): Check {
  if (!isObject(entries)) return fail('not a condition object', suffix);
  return every(Object.keys(entries).map((name) => entry(name, entries[name], `${suffix}.${name}`)));
}

const describeWhere = (where: Record<string, unknown>) =>
  Object.entries(where)
    .map(([prop, ops]) => `${prop} ${describeOperators(ops as Operators)}`)
    .join(', ');
