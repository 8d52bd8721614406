import type { Operators } from '../config/condition-schema.js';
import { compileGlob } from './glob.js';
import { isObject } from './lookup.js';
import { unsafeRegexReason } from './safe-regex.js';

/**
 * Longer values never match `matches` or `regex`: matching time grows with the input even in
 * the safe subset (`\w*\w*x`), so the input is bounded too (issue 11). URLs stay well under it.
 */
export const MAX_MATCHED_LENGTH = 4096;

/** One value against a set of operators; `order` ranks values for atLeast/atMost. */
export type ValueTest = (value: unknown, order?: readonly string[]) => boolean;

export const never = (): boolean => false;

const isScalar = (value: unknown): value is string | number | boolean | null =>
  value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';

/** -1, 0 or 1; NaN unless both are numbers or both strings (`gt` never compares across types). */
function compare(value: unknown, bound: unknown): number {
  if (typeof value !== typeof bound || (typeof value !== 'number' && typeof value !== 'string')) return NaN;
  const a = value as number;
  const b = bound as number;
  return a === b ? 0 : a < b ? -1 : a > b ? 1 : NaN;
}

// Compiled once per operators object (it lives as long as the config): the hot path then
// runs small closures, with no key lookups, regex compiling or allocation.
const compiled = new WeakMap<object, ValueTest>();

/**
 * Compiles `ops` into a test that passes when every operator holds. A missing value
 * (`undefined`) passes only `exists: false`; a value of the wrong type fails.
 */
export function compileOperators(ops: Operators): ValueTest {
  if (!isObject(ops)) return never;
  let test = compiled.get(ops);
  if (!test) {
    const parts: ValueTest[] = [];
    for (const op of Object.keys(ops)) {
      const arg = ops[op as keyof Operators];
      if (arg !== undefined && op !== 'flags') parts.push(compileOne(op, arg, ops));
    }
    test =
      parts.length === 1
        ? parts[0]!
        : (value, order) => {
            for (const part of parts) if (!part(value, order)) return false;
            return true;
          };
    compiled.set(ops, test);
  }
  return test;
}

export const testOperators = (ops: Operators, value: unknown, order?: readonly string[]): boolean => compileOperators(ops)(value, order);

function compileOne(op: string, arg: unknown, ops: Operators): ValueTest {
  switch (op) {
    case 'exists':
      return (value) => (value !== undefined && value !== null) === arg;
    case 'eq':
    case 'neq': {
      const equal = op === 'eq';
      return (value) => isScalar(value) && (value === arg) === equal;
    }
    case 'in':
    case 'notIn':
      return membership(op === 'in', arg);
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      const side = op[0] === 'g' ? 1 : -1;
      const orEqual = op.length > 2;
      return (value) => {
        const order = compare(value, arg);
        return order === side || (orEqual && order === 0);
      };
    }
    case 'between': {
      if (!Array.isArray(arg)) return never;
      const [low, high] = arg as unknown[];
      return (value) => compare(value, low) >= 0 && compare(value, high) <= 0 && typeof value === 'number';
    }
    case 'contains':
      // A string holds a substring; a list holds an item.
      return (value) => (typeof value === 'string' ? typeof arg === 'string' && value.includes(arg) : Array.isArray(value) && value.includes(arg));
    case 'startsWith':
    case 'endsWith':
      return typeof arg === 'string' ? (value) => typeof value === 'string' && value[op](arg) : never;
    case 'matches':
      return typeof arg === 'string' ? bounded(compileGlob(arg)) : never;
    case 'regex':
      return regexTest(arg, ops.flags);
    case 'atLeast':
    case 'atMost':
      return ordered(op === 'atLeast', arg);
    default:
      // An unknown operator never passes: a typo must not make a prompt show to everyone.
      return never;
  }
}

function membership(wanted: boolean, arg: unknown): ValueTest {
  if (!Array.isArray(arg)) return never;
  // A plain loop: includes() on these short mixed lists is several times slower here.
  return (value) => {
    if (!isScalar(value)) return false;
    for (const item of arg) if (item === value) return wanted;
    return !wanted;
  };
}

function regexTest(arg: unknown, flagsArg: unknown): ValueTest {
  // `g` and `y` make test() remember lastIndex between calls: drop them.
  const flags = String(flagsArg ?? '').replace(/[gy]/g, '');
  // Validation refuses these; a config that skipped it (`replay()`) must not hang either.
  if (typeof arg !== 'string' || unsafeRegexReason(arg, flags)) return never;
  try {
    const regex = new RegExp(arg, flags);
    return bounded((value) => regex.test(value));
  } catch {
    return never;
  }
}

/** `atLeast` / `atMost` on an ordered list of ids (stages or tiers, in config order). */
function ordered(atLeast: boolean, arg: unknown): ValueTest {
  return (value, order) => {
    if (typeof value !== 'string' || typeof arg !== 'string' || !order) return false;
    const have = order.indexOf(value);
    const need = order.indexOf(arg);
    return have >= 0 && need >= 0 && (atLeast ? have >= need : have <= need);
  };
}

const bounded =
  (test: (value: string) => boolean): ValueTest =>
  (value) =>
    typeof value === 'string' && value.length <= MAX_MATCHED_LENGTH && test(value);
