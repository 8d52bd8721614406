import type { Stage } from '../config/schema.js';
import { evaluate } from './conditions.js';
import type { Facts } from './facts.js';

/**
 * The journey stage: stages are ordered, and the visitor is in the LAST one whose `when`
 * holds (so later stages win), or in none. Not sticky: when a `withinDays` window runs out,
 * the stage can fall back.
 */
export function deriveStage(stages: readonly Stage[] | undefined, facts: Facts): string | null {
  if (!stages) return null;
  for (let index = stages.length - 1; index >= 0; index--) {
    const stage = stages[index]!;
    if (evaluate(stage.when, facts)) return stage.id;
  }
  return null;
}

/** Props of the `$stage` touchpoint to emit, or null when the stage in `facts` still holds. */
export function stageChange(stages: readonly Stage[] | undefined, facts: Facts): { from: string | null; to: string | null } | null {
  const to = deriveStage(stages, facts);
  return to === facts.stage ? null : { from: facts.stage, to };
}
