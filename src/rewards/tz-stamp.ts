import type { Config } from '../config/schema.js';
import type { Props } from '../types.js';

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
  const rewards = config?.rewards;
  if (config) {
    // Streak days, challenge windows and expiry count in the local calendar too. Which events
    // they read is the rewards chunk's to know; the core stamps every touchpoint of such a config
    // rather than carry that code (a few bytes a record, on sites that use them).
    const journeys = rewards?.challenges?.length || rewards?.streaks?.length || rewards?.expiry;
    if (!journeys && !rewards?.rules?.some((rule) => rule.on === name)) return props;
  }
  return { ...props, tzOffset: tzOffset(now) };
}
