/** What a module does as the page goes, in this order: derive touchpoints, persist them, send them. */
export type ExitPhase = 'derive' | 'persist' | 'send';

const PHASES: readonly ExitPhase[] = ['derive', 'persist', 'send'];

export interface PageExit {
  /** Adds a step to a phase; returns its removal. */
  on(phase: ExitPhase, step: () => void): () => void;
  stop(): void;
}

/**
 * The one owner of the page's last moment (`pagehide`, or `visibilitychange` to hidden, which
 * comes first and may be the last event a phone gives; never `unload`, which breaks the
 * back/forward cache). Modules register steps by phase, so a `$points` derived from the last
 * purchase is saved and sent whichever module started first or whenever consent came (issue
 * 18, finding 10). A step that throws does not stop the others.
 */
export function createPageExit(onError: (error: unknown) => void): PageExit {
  const steps: Record<ExitPhase, Set<() => void>> = { derive: new Set(), persist: new Set(), send: new Set() };
  const exit = (event: Event) => {
    if (event.type !== 'pagehide' && document.visibilityState !== 'hidden') return;
    for (const phase of PHASES) {
      for (const step of steps[phase]) {
        try {
          step();
        } catch (error) {
          onError(error);
        }
      }
    }
  };
  addEventListener('pagehide', exit);
  addEventListener('visibilitychange', exit);
  return {
    on(phase, step) {
      steps[phase].add(step);
      return () => void steps[phase].delete(step);
    },
    stop() {
      removeEventListener('pagehide', exit);
      removeEventListener('visibilitychange', exit);
    },
  };
}
