/**
 * Property names the core bundles use only between their own internal parts (the outbox's
 * state record, shared by its writer, record book, retry schedule, drain and flush loop):
 * written in full in source for readers, shortened by the build like local names. None may be
 * a public API name or a name another bundle reads, and each must be one the minifier does
 * shorten (not a DOM name): test/size/internal-names.test.ts checks all three on the build.
 */
export const INTERNAL_PROPERTIES = [
  'drops',
  'failures',
  'flushNow',
  'flushTimer',
  'halted',
  'lastWrite',
  'loadedAt',
  'markSent',
  'markedAt',
  'memoryEntries',
  'releaseAt',
  'rerun',
  'retryAt',
  'sentMarks',
  'settings',
  'sharedRetry',
  'stored',
  'totals',
  'unmarkSent',
  'wire',
  'writeTimer',
  'writing',
];
