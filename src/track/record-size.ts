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
    // Serializing every record here doubled the cost of track() in a burst: a bound settles almost all of them.
    if (touchpointBytesBound(touchpoint) <= limit) return false;
    const json = JSON.stringify(touchpoint);
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

/** The touchpoint's JSON with every string empty (and null props): keys and punctuation. */
const SKELETON_BYTES = JSON.stringify({
  id: '',
  name: '',
  props: null,
  ts: '',
  anonymousId: '',
  userId: null,
  sessionId: '',
  page: { url: '', path: '', referrer: '', title: '' },
} satisfies Record<keyof Touchpoint, unknown>).length;

/** Reads the known string fields directly: walking the whole record costs as much as serializing it. */
function touchpointBytesBound({ id, name, props, ts, anonymousId, userId, sessionId, page }: Touchpoint): number {
  const units = id.length + name.length + ts.length + anonymousId.length + (userId?.length ?? 0) + sessionId.length;
  const pageUnits = page.url.length + page.path.length + page.referrer.length + page.title.length;
  return SKELETON_BYTES + (units + pageUnits) * 6 + jsonBytesBound(props);
}

/** JSON.stringify writes a number in at most 24 characters ("-1.2345678901234567e+308"). */
const NUMBER_BYTES = 24;

/**
 * At least as many bytes as the UTF-8 JSON of a sanitized value (acyclic, as sanitizeProps
 * makes it), without making it: a UTF-16 unit becomes at most 6 bytes (an escape such as
 * \u001f), otherwise at most 3. An array counts its indices as keys, which only adds.
 */
export function jsonBytesBound(value: unknown): number {
  if (typeof value === 'string') return value.length * 6 + 2;
  if (typeof value === 'number') return NUMBER_BYTES;
  if (typeof value !== 'object' || value === null) return 5; // true, false, null; undefined is left out
  let bytes = 2;
  for (const key in value) if (Object.hasOwn(value, key)) bytes += key.length * 6 + 4 + jsonBytesBound((value as Record<string, unknown>)[key]);
  return bytes;
}
