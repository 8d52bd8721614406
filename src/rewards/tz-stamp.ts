import type { Config } from '../config/schema.js';
import type { Props } from '../types.js';
import { journeyInputNames } from './journey-names.js';

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
    // Streak days and challenge windows count in the local calendar too.
    const earns = config.rewards?.rules?.some((rule) => rule.on === name) || journeyInputNames(config).has(name);
    if (!earns) return props;
  }
  return { ...props, tzOffset: tzOffset(now) };
}
