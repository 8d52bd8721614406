/**
 * The engine chunk: everything a marketer config drives — the visitor's profile and stage,
 * rewards, and prompt orchestration. It loads with the config, in parallel with it; a page
 * without a config never pays for it.
 */
export { openVisitor } from '../visitor.js';
export { createPromptController } from '../prompts/controller.js';
export { createPromptHost } from '../prompts/host.js';
export { widgetsLoader } from '../prompts/load-widgets.js';
