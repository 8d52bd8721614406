import * as z from 'zod/mini';
import { Condition, PropsWhere } from './condition-schema.js';
import { Position, Prompt } from './prompts.js';
import { LIMITS } from './limits.js';
import { EventName, Id, NonNegativeInt, Str, Text } from './text.js';
import { journeyShape } from './reward-journeys.js';

const Stage = z.strictObject({
  id: Id,
  label: z.optional(Text),
  when: Condition,
});

const RatioPoints = z.strictObject({
  every: z.number().check(z.gt(0)),
  of: z.string().check(z.minLength(1), z.maxLength(LIMITS.keyChars)),
  award: NonNegativeInt,
  round: z.optional(z.enum(['floor', 'nearest'])),
});

const EarningRule = z.strictObject({
  id: Id,
  on: EventName,
  where: z.optional(PropsWhere),
  points: z.union([NonNegativeInt, RatioPoints]),
  trusted: z.optional(z.boolean()),
  limit: z.optional(
    z.strictObject({
      perDay: z.optional(z.int().check(z.gte(1))),
      perWeek: z.optional(z.int().check(z.gte(1))),
      lifetime: z.optional(z.int().check(z.gte(1))),
    }),
  ),
});

const Tier = z.strictObject({ id: Id, min: NonNegativeInt, label: z.optional(Text) });
const Offer = z.strictObject({
  id: Id,
  cost: z.int().check(z.gt(0)),
  label: Text,
  description: z.optional(Text),
});

const Rewards = z.strictObject({
  authority: z.optional(z.enum(['client', 'server'])),
  rules: z.optional(z.array(EarningRule).check(z.maxLength(LIMITS.rules))),
  tiers: z.optional(z.array(Tier).check(z.maxLength(LIMITS.tiers))),
  offers: z.optional(z.array(Offer).check(z.maxLength(LIMITS.offers))),
  ...journeyShape,
});

const Limits = z.strictObject({
  cooldownHours: z.optional(z.number().check(z.gte(0))),
  maxPerSession: z.optional(z.int().check(z.gte(0))),
  // How long a prompt blocked by the one on screen waits for its turn; 0 turns the queue off.
  queueSeconds: z.optional(z.number().check(z.gte(0), z.lte(3600))),
});

const Color = z.string().check(z.maxLength(64));
export const Theme = z.strictObject({
  accent: z.optional(Color),
  background: z.optional(Color),
  text: z.optional(Color),
  radius: z.optional(z.number().check(z.gte(0), z.lte(48))),
  font: z.optional(z.string().check(z.maxLength(200))),
  position: z.optional(Position),
  zIndex: z.optional(z.int()),
  colorScheme: z.optional(z.enum(['light', 'dark', 'auto'])),
});

/** The marketer's JSON config, version 1. */
export const ConfigSchema = z.strictObject({
  $schema: z.optional(Str),
  $comment: z.optional(Str),
  // Written by `waymark build` (see compiled.ts); a hand-edited copy is validated with it.
  $compiled: z.optional(z.strictObject({ grammar: z.int().check(z.gte(1)), hash: z.string().check(z.maxLength(64)) })),
  version: z.literal(1),
  defaultLocale: z.optional(z.string().check(z.minLength(2), z.maxLength(LIMITS.keyChars))),
  stages: z.optional(z.array(Stage).check(z.maxLength(LIMITS.stages))),
  prompts: z.optional(z.array(Prompt).check(z.maxLength(LIMITS.prompts))),
  rewards: z.optional(Rewards),
  limits: z.optional(Limits),
  theme: z.optional(Theme),
});

export type Config = z.infer<typeof ConfigSchema>;
export type Stage = z.infer<typeof Stage>;
export type EarningRule = z.infer<typeof EarningRule>;
export type RatioPoints = z.infer<typeof RatioPoints>;
export type Tier = z.infer<typeof Tier>;
export type Offer = z.infer<typeof Offer>;
export type Rewards = z.infer<typeof Rewards>;
export type Limits = z.infer<typeof Limits>;
export type Theme = z.infer<typeof Theme>;
export type { Condition, Operators, PropsWhere } from './condition-schema.js';
export type {
  Prompt,
  NpsPrompt,
  RatingPrompt,
  ExitPrompt,
  RewardPrompt,
  SurveyPrompt,
  QuizPrompt,
  PollPrompt,
  PromptVariant,
  Position,
  RatingScale,
} from './prompts.js';
export type { Text } from './text.js';
export type { SurveyQuestion, QuestionType } from './survey.js';
export type { QuizQuestion } from './quiz.js';
export type { Challenge, ChallengeStep, Expiry, Referrals, Streak } from './reward-journeys.js';
