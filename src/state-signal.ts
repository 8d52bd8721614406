import type { ReadonlySignal } from './instance.js';

/** The SDK's side of a `wm.state` signal: it alone sets the value. */
export interface StateSignal<T> extends ReadonlySignal<T> {
  value: T;
}

/**
 * A value with `.value`, `.peek()` and `.subscribe()`, the surface `wm.state` promises. The
 * SDK's signals were never the app's (a bundled copy of a signals library does not track the
 * app's effects), so a dozen lines do what a 4 KB library did here.
 */
export function stateSignal<T>(initial: T): StateSignal<T> {
  let current = initial;
  const listeners = new Set<(value: T) => void>();
  const call = (listener: (value: T) => void) => {
    try {
      listener(current);
    } catch (error) {
      // A page's listener bug is the page's: rethrown on its own, it never stops the SDK.
      queueMicrotask(() => {
        throw error;
      });
    }
  };
  return {
    get value() {
      return current;
    },
    set value(next: T) {
      if (Object.is(next, current)) return;
      current = next;
      for (const listener of [...listeners]) call(listener);
    },
    peek: () => current,
    subscribe(listener) {
      const own = (value: T) => listener(value); // one entry per call, even for the same function
      listeners.add(own);
      call(own);
      return () => void listeners.delete(own);
    },
  };
}
