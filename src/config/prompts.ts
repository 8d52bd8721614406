import * as z from 'zod/mini';
import { Condition, PropsWhere } from './condition-schema.js';
import { QuizQuestions } from './quiz.js';
import { SurveyContent, SurveyQuestions } from './survey.js';
import { EventName, Id, NonNegative, Text } from './text.js';

export const Position = z.enum(['bottom-right', 'bottom-left', 'top-right', 'top-left', 'bottom-center', 'center']);
export type Position = z.infer<typeof Position>;

const Trigger = z.strictObject({
  on: EventName,
  where: z.optional(PropsWhere),
  delaySeconds: z.optional(z.number().check(z.gte(0), z.lte(3600))),
});

const Frequency = z.strictObject({
  once: z.optional(z.boolean()),
  cooldownDays: z.optional(NonNegative),
  maxShows: z.optional(z.int().check(z.gte(1))),
  afterDismissDays: z.optional(NonNegative),
  repeat: z.optional(z.boolean()),
});

const Schedule = z.strictObject({
  start: z.optional(z.iso.datetime({ offset: true, local: true })),
  end: z.optional(z.iso.datetime({ offset: true, local: true })),
});

/**
 * Where a prompt appears: a fixed panel (default), a modal dialog, in the page flow inside
 * `target`, or behind a launcher tab at a screen edge that the visitor opens.
 */
export const Placement = z.enum(['popover', 'modal', 'inline', 'tab']);
export type Placement = z.infer<typeof Placement>;

const Presentation = z.strictObject({
  placement: z.optional(Placement),
  /** `placement: "inline"`: a CSS selector; the prompt mounts into the first element it names. */
  target: z.optional(z.string()),
  modal: z.optional(z.boolean()),
  /** true: the prompt stays open across SPA routes instead of closing when its page is left. */
  keepOnRouteChange: z.optional(z.boolean()),
  /** `placement: "tab"`: the launcher's text and accessible name. */
  tabLabel: z.optional(Text),
  /** `placement: "tab"`: the screen edge the launcher sits at (default right). */
  edge: z.optional(z.enum(['right', 'left'])),
  position: z.optional(Position),
  /** Seconds before a non-answered prompt dismisses itself (reason `timeout`). */
  timeoutSeconds: z.optional(z.number().check(z.gt(0))),
});

/** Fields every prompt kind shares. */
const common = {
  id: Id,
  /** Required, except for `placement: "tab"`, which the visitor opens (semantic.ts says so). */
  trigger: z.optional(Trigger),
  if: z.optional(Condition),
  schedule: z.optional(Schedule),
  sample: z.optional(z.number().check(z.gte(0), z.lte(1))),
  frequency: z.optional(Frequency),
  priority: z.optional(z.number()),
  presentation: z.optional(Presentation),
};

const Thanks = z.optional(Text);

/**
 * Test and learn: each visitor gets one variant, sticky, by weight (default 1): its `content`
 * keys replace the prompt's, its `questions` (surveys, quizzes) replace the prompt's list.
 */
function variantsOf<Content extends z.ZodMiniObject, Questions extends z.ZodMiniType | undefined = undefined>(content: Content, questions?: Questions) {
  const Variant = z.strictObject({
    id: Id,
    weight: z.optional(z.number().check(z.gt(0), z.lte(1000))),
    // Every key optional: zod's own partial() would add its helpers to the validator chunk for this alone.
    content: z.optional(
      z.strictObject(
        Object.fromEntries(Object.entries(content.shape).map(([key, field]) => [key, z.optional(field)])) as {
          [Key in keyof Content['shape']]: z.ZodMiniOptional<Content['shape'][Key]>;
        },
      ),
    ),
    ...((questions ? { questions: z.optional(questions) } : {}) as Questions extends z.ZodMiniType ? { questions: z.ZodMiniOptional<Questions> } : object),
  });
  return z.optional(z.array(Variant).check(z.minLength(2), z.maxLength(10)));
}

const NpsContent = z.strictObject({
  question: Text,
  lowLabel: z.optional(Text),
  highLabel: z.optional(Text),
  followUp: z.optional(
    z.strictObject({
      detractor: z.optional(Text),
      passive: z.optional(Text),
      promoter: z.optional(Text),
    }),
  ),
  placeholder: z.optional(Text),
  thanks: Thanks,
});

export const NpsPrompt = z.strictObject({
  ...common,
  kind: z.literal('nps'),
  content: NpsContent,
  variants: variantsOf(NpsContent),
});

export const RatingScale = z.enum(['stars', 'thumbs', 'emoji', 'numeric']);
export type RatingScale = z.infer<typeof RatingScale>;

const RatingContent = z.strictObject({
  question: Text,
  lowLabel: z.optional(Text),
  highLabel: z.optional(Text),
  followUp: z.optional(
    z.strictObject({
      below: z.optional(z.number()),
      above: z.optional(z.number()),
      question: Text,
    }),
  ),
  placeholder: z.optional(Text),
  thanks: Thanks,
});

export const RatingPrompt = z.strictObject({
  ...common,
  kind: z.literal('rating'),
  scale: z.optional(RatingScale),
  max: z.optional(z.int()),
  metric: z.optional(z.enum(['csat', 'ces', 'none'])),
  content: RatingContent,
  variants: variantsOf(RatingContent),
});

const ExitContent = z.strictObject({
  question: Text,
  choices: z.array(Text).check(z.minLength(1), z.maxLength(20)),
  multiple: z.optional(z.boolean()),
  allowOther: z.optional(z.boolean()),
  placeholder: z.optional(Text),
  thanks: Thanks,
});

export const ExitPrompt = z.strictObject({
  ...common,
  kind: z.literal('exit'),
  content: ExitContent,
  variants: variantsOf(ExitContent),
});

const RewardContent = z.strictObject({
  title: Text,
  body: z.optional(Text),
  cta: z.optional(Text),
});

export const RewardPrompt = z.strictObject({
  ...common,
  kind: z.literal('reward'),
  /** An offer id from `rewards.offers`: the prompt becomes an offer card with a redeem button. */
  offer: z.optional(Id),
  /** A challenge id from `rewards.challenges`: the prompt shows its steps and `{progress}`. */
  challenge: z.optional(Id),
  content: RewardContent,
  variants: variantsOf(RewardContent),
});

/** Several questions, one at a time, with branching (docs/surveys.md). */
export const SurveyPrompt = z.strictObject({
  ...common,
  kind: z.literal('survey'),
  content: z.optional(SurveyContent),
  questions: SurveyQuestions,
  variants: variantsOf(SurveyContent, SurveyQuestions),
});

/** Questions with right answers, feedback after each, a score at the end and `$quiz_completed`. */
export const QuizPrompt = z.strictObject({
  ...common,
  kind: z.literal('quiz'),
  content: z.optional(SurveyContent),
  questions: QuizQuestions,
  variants: variantsOf(SurveyContent, QuizQuestions),
});

const PollContent = z.strictObject({
  question: Text,
  choices: z.array(Text).check(z.minLength(2), z.maxLength(20)),
  multiple: z.optional(z.boolean()),
  /** Shows the choices in a random order per display. */
  shuffle: z.optional(z.boolean()),
  /** After the vote, the share of each choice when the endpoint is a Waymark collector (default true). */
  results: z.optional(z.boolean()),
  thanks: Thanks,
});

/** One choice question; after the vote, each choice's share from the collector (docs/surveys.md). */
export const PollPrompt = z.strictObject({
  ...common,
  kind: z.literal('poll'),
  content: PollContent,
  variants: variantsOf(PollContent),
});

export const Prompt = z.discriminatedUnion('kind', [NpsPrompt, RatingPrompt, ExitPrompt, RewardPrompt, SurveyPrompt, QuizPrompt, PollPrompt]);
export type Prompt = z.infer<typeof Prompt>;
export type NpsPrompt = z.infer<typeof NpsPrompt>;
export type RatingPrompt = z.infer<typeof RatingPrompt>;
export type ExitPrompt = z.infer<typeof ExitPrompt>;
export type RewardPrompt = z.infer<typeof RewardPrompt>;
export type SurveyPrompt = z.infer<typeof SurveyPrompt>;
export type QuizPrompt = z.infer<typeof QuizPrompt>;
export type PollPrompt = z.infer<typeof PollPrompt>;
export type PromptVariant = NonNullable<Prompt['variants']>[number];

/**
 * A prompt whose `kind` is missing or unknown, checked on everything but its kind-specific
 * content, so a wrong `kind` does not hide the prompt's other problems.
 */
export const PromptOfUnknownKind = z.strictObject({
  ...common,
  kind: z.optional(z.unknown()),
  scale: RatingPrompt.shape.scale,
  max: RatingPrompt.shape.max,
  metric: RatingPrompt.shape.metric,
  offer: RewardPrompt.shape.offer,
  challenge: RewardPrompt.shape.challenge,
  content: z.looseObject({}),
  questions: z.optional(z.array(z.looseObject({}))),
  variants: z.optional(z.array(z.looseObject({}))),
});
