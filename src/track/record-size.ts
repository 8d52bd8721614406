import type { InitOptions } from '../api.js';
import { definedOnly } from '../defined-only.js';
import { WaymarkError } from '../errors.js';
import { DEFAULT_DELIVERY, saneDelivery } from '../outbox/options.js';
import type { Touchpoint } from '../types.js';

/**
 * Segment's documented limit per event (HTTP tracking API: 32 KB per call); a larger one
 * makes it refuse the whole batch with a 400, so in that format no setting may exceed it.
 */
export const SEGMENT_MAX_RECORD_BYTES = 32 * 1024;

/**
 * The per-record size check made when a touchpoint is recorded: a record the endpoint would
 * refuse is reported at once (with its name and size) instead of being stored and retried.
 * Returns whether `touchpoint` is too large.
 */
export function createSizeCheck(options: InitOptions, report: (error: WaymarkError) => void) {
  const configured = saneDelivery({ ...DEFAULT_DELIVERY, ...definedOnly(options.delivery) }).maxRecordBytes;
  const limit = options.format === 'segment' ? Math.min(configured, SEGMENT_MAX_RECORD_BYTES) : configured;
  return (touchpoint: Touchpoint): boolean => {
    const json = JSON.stringify(touchpoint);
    // UTF-8 needs at most 3 bytes per UTF-16 unit: almost every record is settled without encoding it.
    if (json.length * 3 <= limit) return false;
    const bytes = new TextEncoder().encode(json).length;
    if (bytes <= limit) return false;
    report(
      new WaymarkError(
        'invalid_argument',
        `"${touchpoint.name}" is ${bytes} bytes of JSON, over the ${limit}-byte record limit (delivery.maxRecordBytes): not recorded`,
        { name: touchpoint.name, bytes, limit },
      ),
    );
    return true;
  };
}
