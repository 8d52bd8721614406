import { WaymarkError } from './errors.js';

/**
 * Wraps a public method so nothing it does can throw into the host page: a failure becomes
 * an `error` event instead, and the method returns `fallback`.
 */
export function guard<Args extends unknown[], Result>(
  report: (error: WaymarkError) => void,
  method: string,
  body: (...args: Args) => Result,
  fallback: Result,
): (...args: Args) => Result {
  return (...args) => {
    try {
      return body(...args);
    } catch (error) {
      try {
        report(error instanceof WaymarkError ? error : new WaymarkError('internal', `${method}() failed: ${String(error)}`, error));
      } catch {
        // Reporting itself failed (a broken error handler): stay silent rather than throw.
      }
      return fallback;
    }
  };
}

// biome-ignore lint/suspicious/noExplicitAny: any function shape; each keeps its own signature in M.
type Methods = Record<string, (...args: any[]) => unknown>;

/** `guard()` for each method of `methods`, under its own name; a method without a fallback returns undefined on failure. */
export function guardAll<M extends Methods>(report: (error: WaymarkError) => void, methods: M, fallbacks: { [K in keyof M]?: ReturnType<M[K]> } = {}): M {
  for (const name in methods) methods[name] = guard(report, name, methods[name] as M[typeof name], fallbacks[name]) as M[typeof name];
  return methods;
}
