import { WaymarkError, type WaymarkErrorCode } from '../errors.js';
import type { PageExit } from '../lifecycle/page-exit.js';
import type { Format } from '../transport/formats.js';
import type { Touchpoint } from '../types.js';
import type { DropNotes } from './drop-notes.js';
import type { FallbackStore } from './fallback.js';
import type { createHideSender } from './hide.js';
import type { InFlight } from './in-flight.js';
import type { OutboxOptions } from './options.js';
import type { DeliveryOptions, FlushResult } from './public-types.js';
import type { createFlusherRole } from './role.js';
import type { createSharedRetry } from './shared-retry.js';
import type { SentMarks, Spill } from './spill.js';
import type { Entry } from './store.js';

type Timer = ReturnType<typeof setTimeout>;

/**
 * One outbox's parts and its mutable state, in one record the outbox's jobs share (the
 * writer, the record book, the retry schedule, the batch sender, the drain, the flush loop).
 */
export interface OutboxState {
  readonly outboxOptions: OutboxOptions;
  readonly delivery: DeliveryOptions;
  readonly wire: Format;
  readonly sdk: string;
  readonly storage: FallbackStore;
  readonly spill: Spill;
  readonly inFlight: InFlight;
  readonly drops: DropNotes;
  readonly sharedRetry: ReturnType<typeof createSharedRetry>;
  readonly pageExit: PageExit;
  readonly role: ReturnType<typeof createFlusherRole>;
  hide: ReturnType<typeof createHideSender>;
  /** Starts a flush: the writer calls it once a full batch is stored (a callback, as the flush loop calls the writer). */
  flushNow(): void;

  // The writer's.
  queue: Touchpoint[];
  lastWrite: Promise<unknown>;
  /** Chunks handed to IndexedDB and not committed yet: spilled to localStorage if the page hides. */
  readonly writing: Set<Entry[]>;
  writeTimer?: Timer | undefined;

  // The record book's.
  /** Records in the store, as of the last full read of its keys plus what this page did since. */
  stored: number;
  readonly totals: { sent: number; dropped: number; retries: number };
  lastError: string | null;

  // The retry schedule's.
  /** Failures in a row: the next batch carries it, so the endpoint sees retries. */
  failures: number;
  retryAt: number;

  // The drain's.
  /** Records a closing page's requests carry, as of the last trim. */
  sentMarks: SentMarks;
  readonly loadedAt: number;
  /** The earliest time a held record may be sent, as of the last run. */
  releaseAt: number;

  // The flush loop's.
  flushTimer?: Timer | undefined;
  running?: Promise<FlushResult> | undefined;
  rerun?: Promise<FlushResult> | undefined;
  /** Destroyed: nothing more is written, sent or planned. */
  halted?: boolean;
}

export function report(o: OutboxState, code: WaymarkErrorCode, message: string, details?: unknown): void {
  o.lastError = message;
  o.outboxOptions.onError(new WaymarkError(code, message, details));
}
