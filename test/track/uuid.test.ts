import { describe, expect, it } from 'vitest';
import { uuidv7, uuidv7Time } from '../../src/track/uuid.js';

describe('uuidv7', () => {
  it('has the RFC 9562 version and variant bits', () => {
    const id = uuidv7();
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('encodes the time', () => {
    expect(uuidv7Time(uuidv7(1_900_000_000_123))).toBe(1_900_000_000_123);
  });

  it('sorts in creation order, even within one millisecond and when the clock steps back', () => {
    const ids = [] as string[];
    for (let i = 0; i < 5000; i++) ids.push(uuidv7(1_950_000_000_000));
    ids.push(uuidv7(1_949_999_999_000));
    ids.push(uuidv7(1_950_000_000_500));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
