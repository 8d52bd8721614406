import type { Config } from './config/schema.js';
import type { DeliveryOptions } from './outbox/public-types.js';
import type { DetectorOptions } from './track/detectors/options.js';
import type { Optional, PropsInput } from './types.js';

/**
 * Each option may be left out or set to `undefined` (`userId: session.user?.id`): either way
 * its default applies, so host code compiles under `exactOptionalPropertyTypes`.
 */
export interface InitOptions {
  /** Where batches are POSTed. Without it, touchpoints stay in the outbox until one is set. */
  endpoint?: string | undefined;
  /** The marketer config: an object, or a URL to fetch it from. */
  config?: Config | string | undefined;
  writeKey?: string | undefined;
  userId?: string | undefined;
  traits?: PropsInput | undefined;
  /** BCP 47, e.g. "fr-CA". Defaults to the browser's language. */
  locale?: string | undefined;
  /** false: nothing is stored or sent until setConsent(true). Default true. */
  consent?: boolean | undefined;
  debug?: boolean | undefined;
  format?: 'waymark' | 'segment' | undefined;
  /** Extra request headers. Any header makes requests non-simple (a CORS preflight). */
  headers?: Record<string, string> | undefined;
  /** Separates several SDK instances on one origin (storage names, init idempotency). */
  namespace?: string | undefined;
  /** Nonce for the `<style>` fallback under a strict CSP without constructable stylesheets. */
  nonce?: string | undefined;
  /** URL of the widgets chunk; the script tag finds it next to itself. */
  widgetsUrl?: string | undefined;
  /** Automatic signals; each can be switched off. */
  detectors?: Optional<DetectorOptions> | undefined;
  /** Outbox tuning. */
  delivery?: Optional<DeliveryOptions> | undefined;
}

/** Option groups read after init() returns (when sending, when consent comes): copied too. */
const NESTED = ['delivery', 'headers', 'detectors'] as const;

/**
 * A plain copy of the host's init options, made inside init's guard: getters run once, now,
 * so a throwing one cannot surface later outside any guard.
 */
export function copyOptions(input: unknown): InitOptions {
  if (typeof input !== 'object' || input === null) return {};
  const options: Record<string, unknown> = { ...input };
  for (const key of NESTED) {
    const group = options[key];
    if (typeof group === 'object' && group !== null) options[key] = { ...group };
  }
  return options as InitOptions;
}
