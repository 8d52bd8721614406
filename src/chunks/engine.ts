/**
 * The engine chunk: everything a marketer config drives — the visitor's profile and stage,
 * rewards, and prompt orchestration. It loads with the config, in parallel with it; a page
 * without a config never pays for it.
 */
export { openVisitor } from '../visitor.js';
export { createPromptController } from '../prompts/controller.js';
export { createPromptHost } from '../prompts/host.js';
export { widgetsLoader } from '../prompts/load-widgets.js';
// The check of a compiled config rides with the engine, which every config needs and which is
// fetched in parallel with it: the core carries no hash code, and the validator chunk's
// compileConfig imports the same copy.
export { CONFIG_GRAMMAR, trustCompiled } from '../config/compiled.js';
export { contentHash } from '../config/content-hash.js';
