import * as z from 'zod/mini';
import { LIMITS } from './limits.js';
import { Id, Str, Text } from './text.js';

/**
 * `next` maps an answer to a question id or to `end`: a score (`"7"`), an inclusive range
 * (`"0-6"`), a choice's label in the default locale, or `"*"` for any other answer, a skipped
 * question included. Without a matching key the next question follows.
 */
const Next = z.record(Str, Id);

const base = {
  id: Id,
  text: Text,
  required: z.optional(z.boolean()),
  next: z.optional(Next),
};
const ends = { lowLabel: z.optional(Text), highLabel: z.optional(Text) };

export const NpsQuestion = z.strictObject({ ...base, ...ends, type: z.literal('nps') });

export const RatingQuestion = z.strictObject({
  ...base,
  ...ends,
  type: z.literal('rating'),
  scale: z.optional(z.enum(['stars', 'thumbs', 'emoji', 'numeric'])),
  max: z.optional(z.int()),
  metric: z.optional(z.enum(['csat', 'ces', 'none'])),
});

const choice = {
  ...base,
  choices: z.array(Text).check(z.minLength(1), z.maxLength(20)),
  /** Adds "Other" with a text field. */
  other: z.optional(z.boolean()),
  /** Shows the choices in a random order per visitor ("Other" stays last). */
  shuffle: z.optional(z.boolean()),
  placeholder: z.optional(Text),
};
export const SingleQuestion = z.strictObject({ ...choice, type: z.literal('single') });
export const MultipleQuestion = z.strictObject({ ...choice, type: z.literal('multiple') });

export const TextQuestion = z.strictObject({
  ...base,
  type: z.literal('text'),
  /** A multi-line field instead of one line. */
  long: z.optional(z.boolean()),
  maxLength: z.optional(z.int().check(z.gte(1), z.lte(LIMITS.textChars))),
  placeholder: z.optional(Text),
});

export const InfoQuestion = z.strictObject({
  ...base,
  type: z.literal('info'),
  body: z.optional(Text),
  /** The button's label (default "Next", or "Submit" on the last question). */
  button: z.optional(Text),
});

export const SurveyQuestion = z.discriminatedUnion('type', [NpsQuestion, RatingQuestion, SingleQuestion, MultipleQuestion, TextQuestion, InfoQuestion]);
export type SurveyQuestion = z.infer<typeof SurveyQuestion>;
export type QuestionType = SurveyQuestion['type'];

export const SurveyQuestions = z.array(SurveyQuestion).check(z.minLength(1), z.maxLength(30));

export const SurveyContent = z.strictObject({
  title: z.optional(Text),
  thanks: z.optional(Text),
});
