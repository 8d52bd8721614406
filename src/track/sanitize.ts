import type { Json, Props } from '../types.js';

const MAX_STRING = 8_192;
const MAX_DEPTH = 8;
const MAX_KEYS = 200;

/**
 * Turns anything a host page passes as props into plain JSON: functions and symbols are
 * dropped, DOM nodes become a short description, cycles become "[circular]", long strings
 * are cut, non-finite numbers become null, dates become ISO strings. Never throws.
 */
export function sanitizeProps(input: unknown): Props {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return {};
  const value = toJson(input, 0, new WeakSet());
  return value && typeof value === 'object' && !Array.isArray(value) ? value : {};
}

function toJson(value: unknown, depth: number, seen: WeakSet<object>): Json | undefined {
  switch (typeof value) {
    case 'string':
      return value.length > MAX_STRING ? value.slice(0, MAX_STRING) + '…' : value;
    case 'number':
      return Number.isFinite(value) ? value : null;
    case 'boolean':
      return value;
    case 'bigint':
      return value.toString();
    case 'object':
      break;
    default:
      return undefined;
  }
  if (value === null) return null;
  try {
    if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
    if (typeof Node !== 'undefined' && value instanceof Node) return `[${value.nodeName.toLowerCase()}]`;
    if (seen.has(value)) return '[circular]';
    if (depth >= MAX_DEPTH) return '[too deep]';
    seen.add(value);
    if (Array.isArray(value)) {
      return value.slice(0, MAX_KEYS).map((item) => toJson(item, depth + 1, seen) ?? null);
    }
    const out: Props = {};
    let keys = 0;
    for (const key in value) {
      if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
      if (keys++ >= MAX_KEYS) break;
      const item = toJson((value as Record<string, unknown>)[key], depth + 1, seen);
      if (item !== undefined) out[key.length > 256 ? key.slice(0, 256) : key] = item;
    }
    seen.delete(value);
    return out;
  } catch {
    // A throwing getter or a revoked proxy: keep what can be read.
    return '[unreadable]';
  }
}
