import { describe, expect, it } from 'vitest';
import type { InitOptions } from '../../src/api.js';
import { init } from '../../src/init.js';
import { copyOptions } from '../../src/options.js';

const boom = () => {
  throw new Error('hostile getter');
};
const withGetter = <T extends object>(target: T, key: string, get: () => unknown) => Object.defineProperty(target, key, { get, enumerable: true });

describe('init options', () => {
  it('reads each getter once, when init() runs, including nested groups', () => {
    let reads = 0;
    const delivery = withGetter({}, 'flushIntervalMs', () => (reads++, 500));
    const copy = copyOptions(withGetter({ delivery }, 'endpoint', () => (reads++, '/collect')));
    expect(copy).toEqual({ endpoint: '/collect', delivery: { flushIntervalMs: 500 } });
    void copy.endpoint, copy.delivery?.flushIntervalMs;
    expect(reads).toBe(2);
  });

  it('a throwing getter gives an inert instance, never an exception', () => {
    const hostile = withGetter({}, 'namespace', boom) as InitOptions;
    const wm = init(hostile);
    expect(() => wm.explain({ toString: boom } as unknown as string)).not.toThrow();
    expect(wm.stats().lastError).toMatch(/could not read the options/);
  });

  it('takes anything that is not an object as no options', () => {
    expect(copyOptions(null)).toEqual({});
    expect(copyOptions('endpoint')).toEqual({});
  });
});
