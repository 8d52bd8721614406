/** `waymark/server`: Node entry. No DOM. */
export { validateConfig } from '../config/validate.js';
export type { ConfigProblem, ValidationResult } from '../config/validate.js';
export { configJsonSchema } from './json-schema.js';
export type * from '../config/schema.js';
export type * from '../types.js';
