import type { Facts } from './facts.js';

const DAY_MS = 86_400_000;
const hasOwn = Object.prototype.hasOwnProperty;

export const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * `object[key]` for own keys only (a trait named `constructor` is not a function), or a
 * dotted path (`address.country`) when no key has that exact name.
 */
export function propValue(object: unknown, key: string): unknown {
  if (typeof object !== 'object' || object === null) return undefined;
  if (hasOwn.call(object, key)) return (object as Record<string, unknown>)[key];
  const dot = key.indexOf('.');
  return dot > 0 ? propValue(propValue(object, key.slice(0, dot)), key.slice(dot + 1)) : undefined;
}

/**
 * `record[key] = value` as an own property even for `__proto__` (an assignment would set the
 * prototype instead): ids from a config or the wire become keys of persisted plain objects.
 */
export function setOwn<T>(record: Record<string, T>, key: string, value: T): T {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
  return value;
}

/** Facts compared as one value. Null prototype: a key like `constructor` is not a fact. */
export const READ_FACT: Record<string, (facts: Facts) => unknown> = Object.assign(Object.create(null), {
  points: (facts: Facts) => facts.points,
  device: (facts: Facts) => facts.device,
  locale: (facts: Facts) => facts.locale,
  url: (facts: Facts) => facts.page?.url,
  path: (facts: Facts) => facts.page?.path,
  referrer: (facts: Facts) => facts.page?.referrer,
});

/** Groups of named facts: `{ trait: { plan: {…} } }`. */
export const READ_GROUP: Record<string, (facts: Facts, name: string) => unknown> = Object.assign(Object.create(null), {
  trait: (facts: Facts, name: string) => propValue(facts.traits, name),
  query: (facts: Facts, name: string) => propValue(facts.page?.query, name),
  session: (facts: Facts, name: string) => propValue(facts.session, name),
  page: (facts: Facts, name: string) => propValue(facts.page, name),
});

/** A prompt's history fact; `daysSinceShown` is elapsed time (fractional), missing if never shown. */
export function promptValue(facts: Facts, promptId: string, name: string): unknown {
  const history = propValue(facts.prompts, promptId) as Facts['prompts'][string] | undefined;
  if (name === 'daysSinceShown') return history?.lastShownAt == null ? undefined : (facts.now - history.lastShownAt) / DAY_MS;
  return name === 'shown' || name === 'answered' || name === 'dismissed' ? (history?.[name] ?? 0) : undefined;
}
