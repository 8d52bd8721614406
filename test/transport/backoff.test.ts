import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffDelay, MAX_BACKOFF_MS, retryAfterMs } from '../../src/transport/backoff.js';

describe('backoffDelay', () => {
  it('stays between half and all of min(5 min, 1 s · 2^attempt)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (attempt, random) => {
        const ceiling = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** attempt);
        const delay = backoffDelay(attempt, random);
        return delay >= ceiling / 2 && delay <= ceiling;
      }),
    );
  });

  it('doubles per attempt and stops growing at the cap', () => {
    expect([0, 1, 2, 3].map((attempt) => backoffDelay(attempt, 1))).toEqual([1000, 2000, 4000, 8000]);
    expect(backoffDelay(9, 1)).toBe(MAX_BACKOFF_MS);
    expect(backoffDelay(1000, 0)).toBe(MAX_BACKOFF_MS / 2);
  });

  it('spreads retries: two failures at once rarely retry at the same moment', () => {
    const delays = new Set(Array.from({ length: 50 }, () => Math.round(backoffDelay(4))));
    expect(delays.size).toBeGreaterThan(40);
  });
});

describe('retryAfterMs', () => {
  const now = Date.parse('2026-03-01T12:00:00Z');
  it('reads delta-seconds', () => {
    expect(retryAfterMs('120', now)).toBe(120_000);
    expect(retryAfterMs('0', now)).toBe(0);
  });
  it('reads an HTTP-date', () => {
    expect(retryAfterMs('Sun, 01 Mar 2026 12:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('Sun, 01 Mar 2026 11:00:00 GMT', now)).toBe(0);
  });
  it('caps at an hour and ignores what it cannot read', () => {
    expect(retryAfterMs('86400', now)).toBe(3_600_000);
    expect(retryAfterMs(null, now)).toBeUndefined();
    expect(retryAfterMs('', now)).toBeUndefined();
    expect(retryAfterMs('soon', now)).toBeUndefined();
  });
});
