let lastMs = -1;
let sequence = 0;

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
  const random = new Uint8Array(8);
  crypto.getRandomValues(random);
  const hex = (value: number, width: number) => value.toString(16).padStart(width, '0');
  const tail = Array.from(random, (byte) => hex(byte, 2)).join('');
  const ms = hex(now, 12);
  return (
    `${ms.slice(0, 8)}-${ms.slice(8)}-7${hex(sequence, 3)}-` +
    `${hex(0x8 | (random[0]! & 0x3), 1)}${tail.slice(1, 4)}-${tail.slice(4, 16)}`
  );
}

/** Milliseconds encoded in a UUIDv7. */
export const uuidv7Time = (id: string): number => parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
