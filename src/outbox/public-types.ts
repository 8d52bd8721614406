/** The outbox as users see it: `init({ delivery })`, `wm.flush()` and `wm.stats()`. */

export interface DeliveryOptions {
  batchSize: number;
  batchBytes: number;
  flushIntervalMs: number;
  maxRecords: number;
  maxBytes: number;
  maxAgeDays: number;
  /** JSON bytes one record may have; larger ones are refused at track(). Capped at 32 KiB in the Segment format. */
  maxRecordBytes: number;
}

export interface FlushResult {
  sent: number;
  retried: number;
  dropped: number;
  pending: number;
}

export interface DeliveryStats {
  pending: number;
  sent: number;
  dropped: number;
  retries: number;
  /** 'indexeddb' normally; 'memory' after a storage failure. */
  storage: 'indexeddb' | 'memory';
  lastError: string | null;
  nextAttemptAt: string | null;
}
