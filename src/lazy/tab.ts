/**
 * The feedback-tab chunk: the launcher buttons of `placement: "tab"` prompts. The engine loads
 * it only for a config with such a prompt, so no other page pays for drawing them.
 */
export { createLaunchers } from '../prompts/launcher.js';
