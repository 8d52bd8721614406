import type { InitOptions, Waymark } from './api.js';
import { createSdk } from './sdk.js';

const REGISTRY = Symbol.for('waymark.instances');

type Registry = Map<string, Waymark>;

/**
 * Starts Waymark once per namespace: a second call with the same namespace returns the
 * running instance (SPA re-renders and duplicate script tags must not double-track).
 */
export function init(options: InitOptions = {}): Waymark {
  const scope = globalThis as { [REGISTRY]?: Registry };
  const registry = (scope[REGISTRY] ??= new Map());
  const namespace = typeof options?.namespace === 'string' && options.namespace ? options.namespace : 'default';
  const running = registry.get(namespace);
  if (running) return running;
  const instance = createSdk({ ...options, namespace }, () => registry.delete(namespace));
  registry.set(namespace, instance);
  return instance;
}
