import type { Condition, Config, PropsWhere } from '../config/schema.js';

/** A `where`-filtered event condition the config uses: the profile keeps a tally for it. */
export interface FilteredCounter {
  /** The event name and the `where`, as JSON. */
  key: string;
  event: string;
  where: PropsWhere;
}

export interface CounterPlan {
  /** Unfiltered event names the config refers to: never evicted when the name cap is hit. */
  events: Set<string>;
  /** Filtered counters by event name, for apply(). */
  byEvent: Map<string, FilteredCounter[]>;
  keys: Set<string>;
  /** The tally key of a filtered query. */
  keyOf(event: string, where: PropsWhere): string;
}

/** Stable across page loads while the config keeps this condition as it is. */
export const counterKey = (event: string, where: PropsWhere): string => JSON.stringify([event, where]);

/**
 * Finds every event condition in stages and prompt `if`s. Filtered ones get their own tally,
 * counted from the first page load whose config uses them (history cannot be re-filtered).
 */
export function compileCounters(config: Config | null): CounterPlan {
  const events = new Set<string>();
  const byEvent = new Map<string, FilteredCounter[]>();
  const keys = new Set<string>();
  // The where objects of this config, so the hot path finds their key without building it.
  const known = new WeakMap<PropsWhere, string>();

  const visit = (condition: Condition | undefined) => {
    if (!condition) return;
    condition.all?.forEach(visit);
    condition.any?.forEach(visit);
    visit(condition.not);
    const { event, where } = condition;
    if (event === undefined) return;
    events.add(event);
    if (!where) return;
    const key = counterKey(event, where);
    known.set(where, key);
    if (keys.has(key)) return;
    keys.add(key);
    byEvent.set(event, [...(byEvent.get(event) ?? []), { key, event, where }]);
  };
  config?.stages?.forEach((stage) => visit(stage.when));
  config?.prompts?.forEach((prompt) => visit(prompt.if));

  return { events, byEvent, keys, keyOf: (event, where) => known.get(where) ?? counterKey(event, where) };
}
