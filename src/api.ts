/**
 * The public types of `waymark`, composed from the modules that own them: each module declares
 * the types of its own part, and only the entry points (`index.ts`, `script.ts`) read this file.
 */
export type { InitOptions } from './options.js';
export type { DetectorOptions } from './track/detectors/options.js';
export type { DeliveryOptions, DeliveryStats, FlushResult } from './outbox/public-types.js';
export type { Explanation, GateReport } from './prompts/explanation.js';
export type { ReadonlySignal, Waymark, WaymarkEvents, WaymarkState } from './instance.js';
