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
  const flat = flatCopy(input);
  if (flat) return flat;
  const value = toJson(input, 0, new WeakSet());
  return value && typeof value === 'object' && !Array.isArray(value) ? value : {};
}

/**
 * The common case on the track() hot path: a small object of plain values, copied as is.
 * null when anything needs the careful walk (nesting, long strings, odd values, getters).
 */
function flatCopy(input: object): Props | null {
  const out: Props = {};
  let keys = 0;
  try {
    for (const key in input) {
      if (!Object.hasOwn(input, key)) continue;
      if (++keys > MAX_KEYS || key.length > 256) return null;
      const value: unknown = (input as Record<string, unknown>)[key];
      const type = typeof value;
      const plain =
        type === 'string' ? (value as string).length <= MAX_STRING : type === 'number' ? Number.isFinite(value) : type === 'boolean' || value === null;
      if (!plain) return null;
      out[key] = (value === 0 ? 0 : value) as Json; // -0 is not JSON: it would arrive as 0
    }
  } catch {
    return null;
  }
  return out;
}

function toJson(value: unknown, depth: number, seen: WeakSet<object>): Json | undefined {
  switch (typeof value) {
    case 'string':
      return value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}…` : value;
    case 'number':
      return Number.isFinite(value) ? (value === 0 ? 0 : value) : null;
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
    let out: Json;
    if (Array.isArray(value)) {
      out = Array.from(value.slice(0, MAX_KEYS), (item) => toJson(item, depth + 1, seen) ?? null);
    } else {
      const object: Props = (out = {});
      let keys = 0;
      for (const key in value) {
        if (!Object.hasOwn(value, key)) continue;
        if (keys++ >= MAX_KEYS) break;
        const item = readSafely(value, key, depth, seen);
        if (item !== undefined) object[key.length > 256 ? key.slice(0, 256) : key] = item;
      }
    }
    // Only ancestors count as cycles: the same object twice side by side is fine.
    seen.delete(value);
    return out;
  } catch {
    // A revoked proxy or a throwing trap: nothing of it can be read.
    return '[unreadable]';
  }
}

function readSafely(object: object, key: string, depth: number, seen: WeakSet<object>): Json | undefined {
  try {
    return toJson((object as Record<string, unknown>)[key], depth + 1, seen);
  } catch {
    return '[unreadable]';
  }
}
