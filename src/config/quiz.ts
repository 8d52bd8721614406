import * as z from 'zod/mini';
import { Id, Str, Text } from './text.js';

/** A quiz question: choices, the right ones among them, and what to say after the visitor checks. */
export const QuizQuestion = z.strictObject({
  id: Id,
  type: z.enum(['single', 'multiple']),
  text: Text,
  choices: z.array(Text).check(z.minLength(2), z.maxLength(20)),
  shuffle: z.optional(z.boolean()),
  /** The right choices, by their label in the default locale; `single` takes exactly one. */
  correct: z.array(Str).check(z.minLength(1)),
  /** Shown after the visitor checks their answer, right or wrong. */
  explanation: z.optional(Text),
});
export type QuizQuestion = z.infer<typeof QuizQuestion>;

export const QuizQuestions = z.array(QuizQuestion).check(z.minLength(1), z.maxLength(30));
