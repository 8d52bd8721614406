import type { Config } from '../config/schema.js';

/** What a tier is called in reports: its configured label (in the default locale), else its id. */
export function tierLabel(config: Config | null | undefined, tier: string): string {
  const label = config?.rewards?.tiers?.find((candidate) => candidate.id === tier)?.label;
  if (typeof label === 'string') return label;
  if (label) return label[config?.defaultLocale ?? 'en'] ?? Object.values(label)[0] ?? tier;
  return tier === 'none' ? 'No tier' : tier;
}
