import type { DeliveryOptions } from '../api.js';
import { keyBytes, keyTime } from './store.js';

/**
 * Keys (oldest first) to drop so the outbox holds at most maxRecords records and maxBytes of
 * JSON, none older than maxAgeDays: counted from the newest, everything past a limit goes.
 */
export function overLimits(keys: string[], limits: DeliveryOptions, now = Date.now()): string[] {
  const oldestAllowed = now - limits.maxAgeDays * 86_400_000;
  let kept = 0;
  let bytes = 0;
  for (let i = keys.length - 1; i >= 0; i--) {
    bytes += keyBytes(keys[i]!);
    if (kept >= limits.maxRecords || bytes > limits.maxBytes || keyTime(keys[i]!) < oldestAllowed) break;
    kept++;
  }
  return keys.slice(0, keys.length - kept);
}

/** How many of `keys` (at least one) fit in a request of `batchBytes`. */
export function batchLength(keys: string[], batchBytes: number): number {
  let count = 1;
  for (let bytes = keyBytes(keys[0] ?? ''); count < keys.length && (bytes += keyBytes(keys[count]!)) <= batchBytes; ) count++;
  return count;
}
