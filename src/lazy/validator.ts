/**
 * The validator chunk: zod/mini and the config checks. A page loads it only for a config that
 * `waymark build` did not compile; the CLI, the collector and the playground compile with it.
 */
export { validateConfig } from '../config/validate.js';
export { compileConfig } from '../config/compile.js';
export { configVerdict } from '../config/verdict.js';
