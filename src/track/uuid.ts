let lastMs = -1;
let sequence = 0;
/** `xxxxxxxx-xxxx-7` for the current millisecond: a burst makes hundreds of ids per ms. */
let timePrefix = '';
let timePrefixOf = -1;
/** Random bytes drawn in bulk: one getRandomValues() call costs about 2 µs, more than the rest of track(). */
const pool = new Uint8Array(1024);
let poolAt = pool.length;
let byteHex: string[] | undefined;

/**
 * RFC 9562 UUIDv7: 48-bit Unix ms, then a 12-bit counter that keeps ids made in the same
 * millisecond in creation order (the outbox reads back by id), then random bits.
 */
export function uuidv7(now = Date.now()): string {
  if (now <= lastMs) {
    sequence++;
    if (sequence > 0xfff) (lastMs += 1), (sequence = 0);
    now = lastMs;
  } else {
    lastMs = now;
    sequence = Math.floor(Math.random() * 0x400);
  }
  if (now !== timePrefixOf) {
    const msHex = now.toString(16).padStart(12, '0');
    (timePrefix = `${msHex.slice(0, 8)}-${msHex.slice(8)}-7`), (timePrefixOf = now);
  }
  if (poolAt + 8 > pool.length) crypto.getRandomValues(pool), (poolAt = 0);
  const hex = (byteHex ??= Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0')));
  const at = poolAt;
  poolAt += 8;
  const random = (index: number) => hex[pool[at + index]!]!;
  // join() makes one flat string; a template literal makes a rope of ~20 pieces that every
  // queued touchpoint keeps alive until it is serialized (GC time in a burst).
  return [
    timePrefix,
    hex[sequence >> 8]![1],
    hex[sequence & 0xff],
    '-',
    '89ab'[pool[at]! & 0x3],
    random(0)[1],
    random(1),
    '-',
    random(2),
    random(3),
    random(4),
    random(5),
    random(6),
    random(7),
  ].join('');
}

/** Milliseconds encoded in a UUIDv7. */
export const uuidv7Time = (id: string): number => parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
