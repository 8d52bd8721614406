import type { Waymark } from './instance.js';
import { inertInstance } from './inert.js';
import { copyOptions, type InitOptions } from './options.js';
import { createSdk } from './sdk/index.js';

const REGISTRY = Symbol.for('waymark.instances');

type Registry = Map<string, Waymark>;

/**
 * Starts Waymark once per namespace: a second call with the same namespace returns the
 * running instance (SPA re-renders and duplicate script tags must not double-track).
 */
export function init(input: InitOptions = {}): Waymark {
  let options: InitOptions;
  try {
    options = copyOptions(input);
  } catch (error) {
    return inertInstance(`could not read the options: ${String(error)}`);
  }
  const scope = globalThis as { [REGISTRY]?: Registry };
  const registry = (scope[REGISTRY] ??= new Map());
  const namespace = typeof options.namespace === 'string' && options.namespace ? options.namespace : 'default';
  const running = registry.get(namespace);
  if (running) return running;
  // Outside a browser (server-side rendering) there is nothing to record: stay inert.
  if (typeof window === 'undefined' || typeof document === 'undefined') return inertInstance('not in a browser');
  let instance: Waymark;
  try {
    instance = createSdk({ ...options, namespace }, () => registry.delete(namespace));
  } catch (error) {
    if (options.debug) console.warn('[waymark] could not start', error);
    return inertInstance(`could not start: ${String(error)}`);
  }
  registry.set(namespace, instance);
  return instance;
}
