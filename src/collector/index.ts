/** Waymark's collector: the server half, exported from `waymark/server`. */
export { createCollector } from './collector.js';
export type { Collector } from './collector.js';
export type { CollectorOptions } from './options.js';
export { listen, toNodeListener } from './listen.js';
export type { FetchHandler, Listening } from './listen.js';
