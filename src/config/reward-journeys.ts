import * as z from 'zod/mini';
import { Operators, PropsWhere } from './condition-schema.js';
import { EventName, Id, NonNegativeInt, Text } from './text.js';

/** Bounds of the journey rewards: each one is state every ledger keeps per visitor. */
export const JOURNEY_LIMITS = {
  challenges: 50,
  steps: 20,
  streaks: 20,
  milestones: 20,
  stepCount: 1000,
  windowDays: 365,
  expiryDays: 3650,
} as const;

const ChallengeStep = z.strictObject({
  event: EventName,
  where: z.optional(PropsWhere),
  count: z.optional(z.int().check(z.gte(1), z.lte(JOURNEY_LIMITS.stepCount))),
  label: z.optional(Text),
});

/** Facts the ledger itself knows, so the browser and the collector decide alike who may start. */
const StartIf = z.strictObject({
  stage: z.optional(Operators),
  tier: z.optional(Operators),
  points: z.optional(Operators),
});

export const Challenge = z.strictObject({
  id: Id,
  label: z.optional(Text),
  steps: z.array(ChallengeStep).check(z.minLength(1), z.maxLength(JOURNEY_LIMITS.steps)),
  inOrder: z.optional(z.boolean()),
  withinDays: z.optional(z.number().check(z.gt(0), z.lte(JOURNEY_LIMITS.windowDays))),
  points: NonNegativeInt,
  repeatable: z.optional(z.boolean()),
  startIf: z.optional(StartIf),
});

const Milestone = z.strictObject({ length: z.int().check(z.gte(1), z.lte(1000)), points: NonNegativeInt });

export const Streak = z.strictObject({
  id: Id,
  label: z.optional(Text),
  on: EventName,
  where: z.optional(PropsWhere),
  period: z.enum(['day', 'week']),
  milestones: z.array(Milestone).check(z.minLength(1), z.maxLength(JOURNEY_LIMITS.milestones)),
  allowMissed: z.optional(z.int().check(z.gte(0), z.lte(7))),
  breakOn: z.optional(EventName),
  repeatMilestones: z.optional(z.boolean()),
});

export const Expiry = z.strictObject({
  afterDays: z.int().check(z.gte(1), z.lte(JOURNEY_LIMITS.expiryDays)),
  from: z.optional(z.enum(['lastActivity', 'earned'])),
  soonDays: z.optional(z.int().check(z.gte(1), z.lte(JOURNEY_LIMITS.expiryDays))),
});

export const Referrals = z.strictObject({
  on: EventName,
  where: z.optional(PropsWhere),
  points: z.int().check(z.gte(1)),
  param: z.optional(z.string().check(z.minLength(1), z.maxLength(40))),
  limit: z.optional(z.strictObject({ lifetime: z.int().check(z.gte(1)) })),
});

export const journeyShape = {
  challenges: z.optional(z.array(Challenge).check(z.maxLength(JOURNEY_LIMITS.challenges))),
  streaks: z.optional(z.array(Streak).check(z.maxLength(JOURNEY_LIMITS.streaks))),
  expiry: z.optional(Expiry),
  referrals: z.optional(Referrals),
};

export type Challenge = z.infer<typeof Challenge>;
export type ChallengeStep = z.infer<typeof ChallengeStep>;
export type Streak = z.infer<typeof Streak>;
export type Expiry = z.infer<typeof Expiry>;
export type Referrals = z.infer<typeof Referrals>;
