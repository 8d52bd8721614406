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
