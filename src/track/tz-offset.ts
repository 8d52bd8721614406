import type { Config } from '../config/schema.js';
import type { Props } from '../types.js';

/**
 * Day and week caps count in the visitor's local calendar, and the server must count the
 * same way, so inputs carry the UTC offset (minutes east) they were recorded at. Before the
 * config is known, any touchpoint may turn out to earn points, so all are stamped.
 */
export function stampTzOffset(config: Config | null, name: string, props: Props): Props {
  return !config || config.rewards?.rules?.some((rule) => rule.on === name) ? { ...props, tzOffset: -new Date().getTimezoneOffset() } : props;
}
