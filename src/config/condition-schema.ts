import * as z from 'zod/mini';
import { LIMITS } from './limits.js';
import { EventName, Str } from './text.js';

const Scalar = z.union([Str, z.number(), z.boolean(), z.null()]);
const Values = z.array(Scalar).check(z.maxLength(LIMITS.listItems));
export type Scalar = z.infer<typeof Scalar>;
const Orderable = z.union([z.number(), Str]);

/**
 * Operators on one value. Several in one object must all hold.
 * `atLeast`/`atMost` compare positions in an ordered list (stages, tiers).
 */
export const Operators = z.strictObject({
  eq: z.optional(Scalar),
  neq: z.optional(Scalar),
  in: z.optional(Values),
  notIn: z.optional(Values),
  gt: z.optional(Orderable),
  gte: z.optional(Orderable),
  lt: z.optional(Orderable),
  lte: z.optional(Orderable),
  between: z.optional(z.tuple([z.number(), z.number()])),
  contains: z.optional(Scalar),
  startsWith: z.optional(Str),
  endsWith: z.optional(Str),
  matches: z.optional(Str),
  regex: z.optional(Str),
  flags: z.optional(Str),
  exists: z.optional(z.boolean()),
  atLeast: z.optional(Str),
  atMost: z.optional(Str),
});
export type Operators = z.infer<typeof Operators>;

/** `{ propName: operators }`, for `where` on a touchpoint's props. */
export const PropsWhere = z.record(z.string(), Operators);
export type PropsWhere = z.infer<typeof PropsWhere>;

const NumberOps = Operators;

export const SessionFacts = z.strictObject({
  pageViews: z.optional(NumberOps),
  seconds: z.optional(NumberOps),
  count: z.optional(NumberOps),
});
export const PageFacts = z.strictObject({
  seconds: z.optional(NumberOps),
  scroll: z.optional(NumberOps),
});
export const PromptFacts = z.strictObject({
  shown: z.optional(NumberOps),
  answered: z.optional(NumberOps),
  dismissed: z.optional(NumberOps),
  daysSinceShown: z.optional(NumberOps),
});

export interface Condition {
  all?: Condition[] | undefined;
  any?: Condition[] | undefined;
  not?: Condition | undefined;
  event?: string | undefined;
  count?: Operators | undefined;
  withinDays?: number | undefined;
  where?: PropsWhere | undefined;
  stage?: Operators | undefined;
  points?: Operators | undefined;
  tier?: Operators | undefined;
  trait?: Record<string, Operators> | undefined;
  url?: Operators | undefined;
  path?: Operators | undefined;
  query?: Record<string, Operators> | undefined;
  referrer?: Operators | undefined;
  device?: Operators | undefined;
  locale?: Operators | undefined;
  session?: z.infer<typeof SessionFacts> | undefined;
  page?: z.infer<typeof PageFacts> | undefined;
  prompt?: Record<string, z.infer<typeof PromptFacts>> | undefined;
}

/**
 * One condition object; every key present must hold (an implicit `all`).
 * Event history: `event` with optional `count`, `withinDays` (≤ 90) and `where`.
 */
export const Condition: z.ZodMiniType<Condition> = z.strictObject({
  get all() {
    return z.optional(z.array(Condition).check(z.maxLength(LIMITS.listItems)));
  },
  get any() {
    return z.optional(z.array(Condition).check(z.maxLength(LIMITS.listItems)));
  },
  get not() {
    return z.optional(Condition);
  },
  event: z.optional(EventName),
  count: z.optional(NumberOps),
  withinDays: z.optional(z.number().check(z.gt(0), z.lte(90))),
  where: z.optional(PropsWhere),
  stage: z.optional(Operators),
  points: z.optional(NumberOps),
  tier: z.optional(Operators),
  trait: z.optional(z.record(z.string(), Operators)),
  url: z.optional(Operators),
  path: z.optional(Operators),
  query: z.optional(z.record(z.string(), Operators)),
  referrer: z.optional(Operators),
  device: z.optional(Operators),
  locale: z.optional(Operators),
  session: z.optional(SessionFacts),
  page: z.optional(PageFacts),
  prompt: z.optional(z.record(z.string(), PromptFacts)),
});
