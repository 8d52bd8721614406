import { localize } from '../config/localize.js';
import type { Config } from '../config/schema.js';

/** What a tier is called in reports: its configured label (in the default locale, as every text falls back), else its id. */
export function tierLabel(config: Config | null | undefined, tier: string): string {
  const label = config?.rewards?.tiers?.find((candidate) => candidate.id === tier)?.label;
  const defaultLocale = config?.defaultLocale ?? 'en';
  if (label !== undefined) return localize(label, defaultLocale, defaultLocale) || tier;
  return tier === 'none' ? 'No tier' : tier;
}
