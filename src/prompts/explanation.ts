/** What `wm.explain(promptId)` answers: the gates of a prompt for this visitor, now, in words. */

export interface GateReport {
  gate: string;
  pass: boolean;
  /** A sentence for people, e.g. "cooldown: shown 2 days ago, 88 days left". */
  reason: string;
}

export interface Explanation {
  promptId: string;
  /** Whether the prompt would show if its trigger fired now. */
  eligible: boolean;
  gates: GateReport[];
  /** The id of the variant this visitor gets, for a prompt with `variants`. */
  variant?: string;
}
