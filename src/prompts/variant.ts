import type { Prompt, PromptVariant } from '../config/schema.js';
import type { Props } from '../types.js';
import { sampleBucket } from './sample.js';

/**
 * This visitor's variant of a prompt: the same on every page, tab and reload (a hash of the
 * visitor and the prompt), spread by weight. Its own salt keeps it independent of `sample`:
 * the sampled-in visitors are not all in one variant.
 */
export function variantOf(prompt: Prompt, anonymousId: string): PromptVariant | undefined {
  const variants = prompt.variants as PromptVariant[] | undefined;
  if (!variants?.length) return undefined;
  const total = variants.reduce((sum, variant) => sum + (variant.weight ?? 1), 0);
  let point = sampleBucket(anonymousId, `${prompt.id}\u0000variant`) * total;
  for (const variant of variants) if ((point -= variant.weight ?? 1) < 0) return variant;
  return variants[variants.length - 1];
}

/** The prompt as this variant shows it: its content keys over the prompt's, its questions instead. */
export function withVariant(prompt: Prompt, variant: PromptVariant | undefined): Prompt {
  if (!variant) return prompt;
  const questions = 'questions' in variant && variant.questions ? { questions: variant.questions } : {};
  return { ...prompt, content: { ...prompt.content, ...variant.content }, ...questions } as Prompt;
}

/** What every `$prompt_*` record of a display carries about its variant. */
export const variantProps = (variant: PromptVariant | undefined): Props => (variant ? { variant: variant.id } : {});
