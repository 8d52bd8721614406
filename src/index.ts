/** `waymark`: the public surface. Nothing runs at import time. */
export { init } from './init.js';
export { validateConfig, compileConfig } from './lazy/validator.js';
export { WaymarkError, isWaymarkError } from './errors.js';
export type { WaymarkErrorCode } from './errors.js';
export type * from './api.js';
export type { ConfigProblem, ValidationResult } from './config/validate.js';
export type { CompileResult, CompiledConfig } from './config/compile.js';
export type { Config, Prompt, Condition, Operators, Stage, Theme, Text } from './config/schema.js';
export type { Touchpoint, Props, PropsInput, Json, JsonInput, PageInfo } from './types.js';
export type { WidgetProps, WidgetAnswer, MountOptions, MountedWidget } from '../widgets/contract.js';
