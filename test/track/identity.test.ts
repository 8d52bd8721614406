import { beforeEach, describe, expect, it } from 'vitest';
import { createIdentity, SESSION_TIMEOUT_MS } from '../../src/track/identity.js';

describe('identity', () => {
  beforeEach(() => localStorage.clear());

  it('keeps the anonymous id across page loads', () => {
    const first = createIdentity('t').anonymousId();
    expect(createIdentity('t').anonymousId()).toBe(first);
    expect(createIdentity('other').anonymousId()).not.toBe(first);
  });

  it('keeps a session across tabs and rotates it after 30 minutes without activity', () => {
    const start = 1_800_000_000_000;
    const tabA = createIdentity('t');
    const tabB = createIdentity('t');
    const first = tabA.session(start);
    expect(tabB.session(start + 1000)).toBe(first);
    expect(tabA.session(start + SESSION_TIMEOUT_MS)).toBe(first);
    const later = start + 2 * SESSION_TIMEOUT_MS + 1;
    const next = tabA.session(later);
    expect(next).not.toBe(first);
    expect(tabB.session(later + 10)).toBe(next);
  });

  it('remembers the user id and forgets everything on reset', () => {
    const identity = createIdentity('t');
    const anonymousId = identity.anonymousId();
    identity.setUserId('u1');
    expect(createIdentity('t').userId()).toBe('u1');
    identity.reset();
    expect(identity.userId()).toBeNull();
    expect(identity.anonymousId()).not.toBe(anonymousId);
    expect(createIdentity('t').userId()).toBeNull();
  });

  it('after a reset, another tab that adopts the new visitor shares its new session', () => {
    const tabA = createIdentity('t');
    const tabB = createIdentity('t');
    const oldSession = tabB.session(Date.now());
    tabA.reset();
    expect(tabB.session(Date.now())).toBe(oldSession); // not told yet
    tabB.adopt(tabA.anonymousId(), 'u2');
    expect([tabB.anonymousId(), tabB.userId()]).toEqual([tabA.anonymousId(), 'u2']);
    expect(tabB.session(Date.now())).toBe(tabA.session(Date.now()));
    expect(tabB.session(Date.now())).not.toBe(oldSession);
  });

  it('works in memory when localStorage throws', () => {
    const original = Object.getOwnPropertyDescriptor(globalThis, 'localStorage');
    Object.defineProperty(globalThis, 'localStorage', {
      configurable: true,
      get: () => {
        throw new Error('SecurityError');
      },
    });
    try {
      const identity = createIdentity('t');
      expect(identity.anonymousId()).toMatch(/-7/);
      expect(identity.session(Date.now())).toBeTruthy();
    } finally {
      if (original) Object.defineProperty(globalThis, 'localStorage', original);
    }
  });
});
