/** The rows one batch adds to the report's tables (rollup.ts makes them, rollup-sql.ts writes them). */

/** What the report tables know of a visitor between batches. */
export interface VisitorState {
  device: string;
  locale: string;
  stage: string;
  firstSeen: string;
}

/** Where a touchpoint happened: the dimensions every roll-up row is keyed by. */
export interface Place {
  day: string;
  writeKey: string;
  stage: string;
  device: string;
  locale: string;
}

export interface DailyRow extends Place {
  promptId: string;
  /** `variant_shown` (key: the variant) and `variant_answer` (key: an answer's, then `|` and the variant) split a prompt by variant. */
  measure: 'touchpoints' | 'shown' | 'dismissed' | 'move' | 'awarded' | 'redeemed' | 'answer' | 'reason' | 'variant_shown' | 'variant_answer';
  key: string;
  count: number;
  amount: number;
}

export interface SubmissionRow extends Place {
  promptId: string;
  submissionId: string;
  anonymousId: string;
  kind: string | null;
  score: number | null;
  scoreInvalid: boolean;
  max: number | null;
  scale: string | null;
  metric: string | null;
  choices: string[];
  other: string | null;
  comment: string | null;
  complete: boolean;
  /** The prompt variant the visitor answered (sticky per visitor), when the prompt has variants. */
  variant: string | null;
  ts: string;
  recordId: string;
}

export interface ReportRows {
  visitors: Map<string, VisitorState>;
  daily: Map<string, DailyRow>;
  submissions: Map<string, SubmissionRow>;
  stageEntries: Array<{ anonymousId: string; stage: string; enteredAt: string; day: string; writeKey: string; device: string; locale: string }>;
  promptKinds: Map<string, string>;
  visitorDays: Map<string, Place & { anonymousId: string; touchpoints: number }>;
  pointsDays: Map<string, Place & { visitor: string; awarded: number; redeemed: number; tier: string | null; tierTs: string | null }>;
}
