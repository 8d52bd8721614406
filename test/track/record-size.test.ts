import { describe, expect, it } from 'vitest';
import type { WaymarkError } from '../../src/errors.js';
import { createSizeCheck, jsonBytesBound, SEGMENT_MAX_RECORD_BYTES } from '../../src/track/record-size.js';
import type { Touchpoint } from '../../src/types.js';

const record = (bytes: number, text = 'x'): Touchpoint => ({
  id: '0190a1b2-0000-7000-8000-000000000000',
  name: 'big',
  props: { text: text.repeat(bytes) },
  ts: new Date(0).toISOString(),
  anonymousId: 'anon',
  userId: null,
  sessionId: 'session',
  page: { url: 'http://localhost/', path: '/', referrer: '', title: '' },
});

function check(options: Parameters<typeof createSizeCheck>[0]) {
  const errors: WaymarkError[] = [];
  return { tooLarge: createSizeCheck(options, (error) => errors.push(error)), errors };
}

describe('the per-record size limit (18.8)', () => {
  it('refuses a record over 32 KiB by default, naming it, its size and the limit', () => {
    const { tooLarge, errors } = check({});
    expect(tooLarge(record(30_000))).toBe(false);
    expect(tooLarge(record(40_000))).toBe(true);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'invalid_argument', details: { name: 'big', limit: 32_768 } });
    expect(errors[0]!.message).toMatch(/"big" is \d+ bytes of JSON, over the 32768-byte record limit/);
  });

  it('counts UTF-8 bytes, not characters', () => {
    const { tooLarge } = check({});
    expect(tooLarge(record(12_000, 'é'))).toBe(false);
    expect(tooLarge(record(12_000, '€'))).toBe(true);
  });

  it('follows delivery.maxRecordBytes, but never past Segment’s limit in the Segment format', () => {
    expect(check({ delivery: { maxRecordBytes: 100_000 } }).tooLarge(record(60_000))).toBe(false);
    expect(check({ delivery: { maxRecordBytes: 1_000 } }).tooLarge(record(2_000))).toBe(true);
    const segment = check({ format: 'segment', delivery: { maxRecordBytes: 100_000 } });
    expect(segment.tooLarge(record(SEGMENT_MAX_RECORD_BYTES))).toBe(true);
    expect(segment.tooLarge(record(30_000))).toBe(false);
  });
});

describe('the bound that spares track() from serializing each record', () => {
  const utf8 = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).length;
  const nasty = ['', 'plain', '"quoted" \\ back', '\u0000\u001f\u007f', 'é€😀', '\ud800 lone', 'x'.repeat(300)];

  it('is never below the UTF-8 size of the JSON, whatever the strings hold', () => {
    const values: unknown[] = [
      ...nasty,
      -1.2345678901234567e308,
      5e-324,
      -0,
      true,
      null,
      nasty,
      Object.fromEntries(nasty.map((text, i) => [text || `k${i}`, text])),
      { nested: { deeper: [1, 'two', { three: nasty }] }, flag: false, nothing: null },
    ];
    for (const value of values) expect(jsonBytesBound(value)).toBeGreaterThanOrEqual(utf8(value));
  });

  it('still refuses a record whose escapes make it too large', () => {
    // 6,000 control characters are 36,000 bytes of JSON escapes, over the 32 KiB default.
    const { tooLarge, errors } = check({});
    expect(tooLarge({ ...record(0), props: { text: '\u0001'.repeat(6_000) } })).toBe(true);
    expect(errors[0]!.details).toMatchObject({ bytes: expect.any(Number), limit: 32_768 });
  });
});
