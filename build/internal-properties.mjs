/**
 * Property names the core bundles use only between their own internal parts (the outbox's
 * state record, shared by its writer, record book, retry schedule, drain and flush loop; the
 * SDK's record in src/sdk/core.ts, less what the engine chunk reads of it as its EngineHost):
 * written in full in source for readers, shortened by the build like local names. None may be
 * a public API name or a name another bundle reads, and each must be one the minifier does
 * shorten (not a DOM name): test/size/internal-names.test.ts checks all three on the build.
 */
export const INTERNAL_PROPERTIES = [
  'booted',
  'consented',
  'consentGiven',
  'drops',
  'engine',
  'failures',
  'feed',
  'flushNow',
  'flushTimer',
  'grantConsent',
  'halted',
  'identityCache',
  'lastWrite',
  'loadedAt',
  'markedAt',
  'markSent',
  'memoryEntries',
  'onDestroy',
  'outbox',
  'releaseAt',
  'rerun',
  'retryAt',
  'ruleQueue',
  'sentMarks',
  'settings',
  'sharedRetry',
  'stopDetectors',
  'stored',
  'tooLarge',
  'totals',
  'unmarkSent',
  'wire',
  'writeTimer',
  'writing',
];
