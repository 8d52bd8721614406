import type { Config } from '../config/schema.js';
import type { Props } from '../types.js';

const rewardEvents = new WeakMap<Config, Set<string>>();
let offset = 0;
let offsetCheckedAt = -Infinity;

/** Minutes east of UTC; read once a minute, since a burst of calls shares it. */
function tzOffset(now: number): number {
  if (now - offsetCheckedAt > 60_000) (offset = -new Date(now).getTimezoneOffset()), (offsetCheckedAt = now);
  return offset;
}

/**
 * Day and week caps count in the visitor's local calendar, and the server must count the
 * same way, so inputs carry the UTC offset (minutes east) they were recorded at. Before the
 * config is known, any touchpoint may turn out to earn points, so all are stamped.
 */
export function stampTzOffset(config: Config | null, name: string, props: Props, now = Date.now()): Props {
  if (config) {
    let names = rewardEvents.get(config);
    if (!names) rewardEvents.set(config, (names = new Set(config.rewards?.rules?.map((rule) => rule.on))));
    if (!names.has(name)) return props;
  }
  return { ...props, tzOffset: tzOffset(now) };
}
