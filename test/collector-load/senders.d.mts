import type { CollectAnswer, LoadBatch } from './records.mjs';

export function sendAll(
  batches: LoadBatch[],
  options: {
    concurrency: number;
    target: () => string;
    writeKey: string;
    onAck?: (batch: LoadBatch, answer: CollectAnswer, latencyMs: number) => void;
    retryPauseMs?: number;
  },
): Promise<{ retries: number }>;
