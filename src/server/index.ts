/** `waymark/server`: Node entry. No DOM. */
export { validateConfig } from '../config/validate.js';
export { compileConfig } from '../config/compile.js';
export type { CompileResult, CompiledConfig } from '../config/compile.js';
export type { ConfigProblem, ValidationResult } from '../config/validate.js';
export { configJsonSchema } from './json-schema.js';
export { replay } from '../rewards/replay.js';
export type { ReplayEntry, ReplayResult } from '../rewards/replay.js';
export { summarize } from './summarize.js';
export type { PromptSummary, QuestionSummary, ScoreStats, Summary, SummarizeOptions, TierSummary } from './summarize.js';
export { applyTouchpoint, emptyLedger } from '../rewards/ledger-step.js';
export type { LedgerOutput, LedgerState, PointsProps, TierProps } from '../rewards/ledger-step.js';
export type * from '../config/schema.js';
export type * from '../types.js';
export { createCollector, listen, toNodeListener } from '../collector/index.js';
export type { Collector, CollectorOptions, FetchHandler, Listening } from '../collector/index.js';
export type { JourneyReport } from '../collector/report/journey-report.js';
export type { ReportFilters } from '../collector/report/filters.js';
export { journeyReportOf } from '../collector/report/from-database.js';
