import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readCookies, readValue, removeValue, writeValue } from '../../src/storage/sync-storage.js';

const clearCookies = () =>
  document.cookie.split('; ').forEach((pair) => {
    // biome-ignore lint/suspicious/noDocumentCookie: the code under test writes document.cookie, so the test clears it the same way.
    document.cookie = `${pair.split('=')[0]}=; path=/; expires=${new Date(0).toUTCString()}`;
  });
const real = Object.getOwnPropertyDescriptor(globalThis, 'localStorage')!;
/** A localStorage that is full (reads work, writes throw) or blocked (every use throws). */
function breakLocalStorage(how: 'full' | 'blocked') {
  const stored = new Map<string, string>([['waymark:t:aid', 'old']]);
  const full = {
    getItem: (key: string) => stored.get(key) ?? null,
    setItem: () => {
      throw new DOMException('full', 'QuotaExceededError');
    },
    removeItem: (key: string) => void stored.delete(key),
  };
  Object.defineProperty(globalThis, 'localStorage', {
    configurable: true,
    get: () => {
      if (how === 'full') return full;
      throw new DOMException('blocked', 'SecurityError');
    },
  });
  return stored;
}

describe('sync storage', () => {
  beforeEach(() => (localStorage.clear(), clearCookies()));
  afterEach(() => Object.defineProperty(globalThis, 'localStorage', real));

  it('keeps values in localStorage while it works, without a cookie', () => {
    writeValue('waymark:t:aid', 'a1');
    expect(localStorage.getItem('waymark:t:aid')).toBe('a1');
    expect(document.cookie).not.toContain('waymark_t_aid');
    expect(readValue('waymark:t:aid')).toBe('a1');
  });

  it('with localStorage full, writes a cookie and removes the older copy that would shadow it', () => {
    const stored = breakLocalStorage('full');
    writeValue('waymark:t:aid', 'new id; with = signs');
    expect(stored.has('waymark:t:aid')).toBe(false);
    expect(readValue('waymark:t:aid')).toBe('new id; with = signs');
    removeValue('waymark:t:aid');
    expect(readValue('waymark:t:aid')).toBeNull();
  });

  it('with localStorage blocked, reads values from cookies, and removes them', () => {
    breakLocalStorage('blocked');
    writeValue('waymark:t:sent:p1', 'long form', 'short1');
    writeValue('waymark:t:sent:p2', 'long form', 'short2');
    expect(readValue('waymark:t:sent:p1')).toBe('short1');
    expect(
      readCookies('waymark:t:sent:')
        .map(([, value]) => value)
        .sort(),
    ).toEqual(['short1', 'short2']);
    for (const [name] of readCookies('waymark:t:sent:')) removeValue(name);
    expect(readCookies('waymark:t:sent:')).toEqual([]);
  });

  it('a once-full localStorage that works again takes over from the cookie', () => {
    breakLocalStorage('full');
    writeValue('waymark:t:aid', 'in cookie');
    expect(document.cookie).toContain('waymark_t_aid');
    Object.defineProperty(globalThis, 'localStorage', real);
    writeValue('waymark:t:aid', 'in storage');
    expect(document.cookie).not.toContain('waymark_t_aid');
    expect(readValue('waymark:t:aid')).toBe('in storage');
  });
});
