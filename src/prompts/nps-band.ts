import type { PromptAnsweredProps } from '../types.js';

export type NpsBand = NonNullable<PromptAnsweredProps['band']>;

/**
 * NPS bands, by the standard definition: 0–6 detractors, 7–8 passives, 9–10 promoters. The one
 * definition: the widget picks the follow-up with it and `$prompt_answered` records it.
 */
export const npsBand = (score: number): NpsBand => (score <= 6 ? 'detractor' : score <= 8 ? 'passive' : 'promoter');
