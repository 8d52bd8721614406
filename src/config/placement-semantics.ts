import type { PathSegment } from './paths.js';

/**
 * `placement: "inline"` needs a `target`; a prompt needs a `trigger` unless it is a tab. Whether the selector is one the browser takes is
 * known only there: at show time, a selector it rejects finds nothing and keeps the prompt
 * off screen (src/prompts/placement.ts).
 */
export function placementProblems(prompt: Record<string, unknown>, at: PathSegment[], report: (path: PathSegment[], message: string) => void): void {
  const { placement, target, tabLabel } = (prompt.presentation ?? {}) as Record<string, unknown>;
  if (placement === 'inline' && target === undefined) report([...at, 'presentation', 'target'], 'placement "inline" needs one');
  if (placement === 'tab' && tabLabel === undefined) report([...at, 'presentation', 'tabLabel'], 'placement "tab" needs one');
  // A tab waits for the visitor to open it; every other prompt needs something to show it.
  if (placement !== 'tab' && prompt.trigger === undefined) report([...at, 'trigger'], 'required, unless presentation.placement is "tab"');
}
