import { definedOnly } from '../defined-only.js';
import type { InitOptions } from '../options.js';
import { DEFAULT_DELIVERY, type OutboxOptions } from '../outbox/index.js';
import type { SdkCore } from './core.js';

export const SDK_VERSION = '__WAYMARK_VERSION__';

/**
 * Records go only where they were recorded for: two setups on one origin (a shop and an app
 * with other write keys or endpoints) get separate outboxes, so neither sends the other's.
 */
function outboxName(namespace: string, { endpoint, writeKey, format }: InitOptions): string {
  const key = `${endpoint}|${writeKey}|${format}`;
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return `${namespace}-${(hash >>> 0).toString(36)}`;
}

/** The outbox of one instance, from its init options; the endpoint's answer may carry the visitor's points and tier. */
export function outboxOptions(sdk: SdkCore): OutboxOptions {
  const { options } = sdk;
  return {
    namespace: outboxName(options.namespace, options),
    endpoint: () => options.endpoint,
    ...(options.writeKey ? { writeKey: options.writeKey } : {}),
    ...(options.headers ? { headers: options.headers } : {}),
    format: options.format === 'segment' ? 'segment' : 'waymark',
    sdkVersion: SDK_VERSION,
    delivery: { ...DEFAULT_DELIVERY, ...definedOnly(options.delivery) },
    onError: sdk.report,
    pageExit: sdk.pageExit,
    onFlush: (result) => sdk.events.emit('flush', result),
    // Server authority: the endpoint's answer may carry the visitor's points and tier.
    onResponse: (body) => {
      const profile = (body as { profile?: unknown } | null)?.profile;
      if (profile) sdk.engine?.adopt(profile);
    },
    debug: sdk.debug,
  };
}
