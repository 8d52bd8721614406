import type { InitOptions } from './api.js';

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
