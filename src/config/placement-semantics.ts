import type { PathSegment } from './paths.js';

/**
 * `placement: "inline"` needs a `target`. Whether the selector is one the browser takes is
 * known only there: at show time, a selector it rejects finds nothing and keeps the prompt
 * off screen (src/prompts/placement.ts).
 */
export function placementProblems(presentation: unknown, at: PathSegment[], report: (path: PathSegment[], message: string) => void): void {
  const { placement, target } = (presentation ?? {}) as Record<string, unknown>;
  if (placement === 'inline' && target === undefined) report([...at, 'target'], 'placement "inline" needs one');
}
