import type { Operators } from '../config/condition-schema.js';
import { isObject } from './lookup.js';

const SYMBOLS: Record<string, string> = { eq: '=', neq: '≠', gt: '>', gte: '≥', lt: '<', lte: '≤' };

/** A value as people read it in `explain()`: JSON, cut short; `missing` for no value. */
export function show(value: unknown): string {
  if (value === undefined) return 'missing';
  try {
    const text = JSON.stringify(value) ?? String(value);
    return text.length > 80 ? `${text.slice(0, 79)}…` : text;
  } catch {
    return String(value);
  }
}

/** `{ gte: 2, lt: 5 }` → `≥ 2 and < 5`; other operators keep the name the config uses. */
export const describeOperators = (ops: Operators): string =>
  isObject(ops)
    ? Object.entries(ops)
        .filter(([op, arg]) => arg !== undefined && op !== 'flags')
        .map(([op, arg]) =>
          op === 'exists'
            ? arg
              ? 'to exist'
              : 'to be missing'
            : `${SYMBOLS[op] ?? op} ${show(arg)}${op === 'regex' && ops.flags ? ` (flags ${ops.flags})` : ''}`,
        )
        .join(' and ')
    : show(ops);
