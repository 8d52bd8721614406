import type { InitOptions, Waymark } from './api.js';
import { setChunkBase } from './lazy/load.js';
import { init } from './init.js';

type QueuedCall = [string, ...unknown[]];

/**
 * The script-tag entry: reads `data-*` options from its own <script>, replays calls queued
 * on `window.waymark = [...]` before it loaded, then becomes `window.waymark`, where
 * `push([...])` keeps working.
 */
function start() {
  const script = document.currentScript as HTMLScriptElement | null;
  const data = script?.dataset ?? {};
  const queued: unknown = (window as { waymark?: unknown }).waymark;
  const calls: QueuedCall[] = Array.isArray(queued) ? (queued as QueuedCall[]).slice() : [];
  const initCall = calls.findIndex((call) => Array.isArray(call) && call[0] === 'init');
  const fromQueue = initCall >= 0 ? (calls.splice(initCall, 1)[0]?.[1] as InitOptions | undefined) : undefined;
  // Lazy chunks sit next to this script, wherever it is served from.
  if (script?.src) setChunkBase(new URL('.', script.src).href);
  const options: InitOptions = {
    ...(data.endpoint ? { endpoint: data.endpoint } : {}),
    ...(data.config ? { config: data.config } : {}),
    ...(data.writeKey ? { writeKey: data.writeKey } : {}),
    ...(data.debug !== undefined ? { debug: data.debug !== 'false' } : {}),
    ...(script?.nonce ? { nonce: script.nonce } : {}),
    ...fromQueue,
  };
  const instance = init(options);
  const run = (call: unknown) => {
    try {
      if (!Array.isArray(call) || typeof call[0] !== 'string') return;
      const method = (instance as unknown as Record<string, unknown>)[call[0]];
      if (typeof method === 'function') method.apply(instance, call.slice(1));
    } catch (error) {
      // Only reading a hostile call can throw here (the methods are guarded): skip it, keep the page.
      if (options.debug) console.warn('[waymark] skipped a call that could not be read', error);
    }
  };
  const api = Object.assign(Object.create(instance) as Waymark, { push: (...list: unknown[]) => list.forEach(run), init: () => instance });
  calls.forEach(run);
  (window as { waymark?: unknown }).waymark = api;
}

try {
  start();
} catch (error) {
  // The host page must never break because of us.
  console.warn('[waymark] could not start', error);
}
