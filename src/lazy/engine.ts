/**
 * The engine chunk: everything a marketer config drives — the visitor's profile and stage,
 * rewards, and prompt orchestration. It loads with the config, in parallel with it; a page
 * without a config never pays for it.
 */
export { startEngine } from '../sdk/engine.js';
// The check of a compiled config rides with the engine, which every config needs and which is
// fetched in parallel with it: the core carries no hash code, and the validator chunk's
// compileConfig imports the same copy.
export { CONFIG_GRAMMAR, trustCompiled } from '../config/compiled.js';
export { contentHash } from '../config/content-hash.js';
// The rewards chunk, which only the engine loads, takes these from here instead of bundling its
// own copies (FROM_ENGINE in rollup.config.mjs): a page with rewards downloads them once.
export { matchesWhere } from '../rules/conditions.js';
export { setOwn } from '../rules/lookup.js';
export { testOperators } from '../rules/operators.js';
export { boundedTime } from '../clock.js';
export { WaymarkError } from '../errors.js';
export { boundLedgerTimes } from '../profile/future-times.js';
export { createSavedDocument } from '../storage/saved-document.js';
export { DAY_MS, localDay, localWeek, rulePoints, tierFor, tzOffsetOf } from '../rewards/earning-rules.js';
