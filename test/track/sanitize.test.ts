import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sanitizeProps } from '../../src/track/sanitize.js';

describe('sanitizeProps', () => {
  it('keeps plain JSON as it is', () => {
    const props = { a: 1, b: 'x', c: [true, null, { d: 2.5 }], 'ü ✓': '日本' };
    expect(sanitizeProps(props)).toEqual(props);
  });

  it('copies a flat object of plain values, so later changes by the host do not leak in', () => {
    const props: Record<string, unknown> = { sku: 'A-1', price: 9.5, gift: false, note: null };
    const out = sanitizeProps(props);
    props.price = 0;
    expect(out).toEqual({ sku: 'A-1', price: 9.5, gift: false, note: null });
  });

  it('drops functions, symbols and undefined; turns NaN and Infinity into null', () => {
    expect(sanitizeProps({ f: () => 1, s: Symbol('x'), u: undefined, n: NaN, i: Infinity, ok: 1 })).toEqual({ n: null, i: null, ok: 1 });
  });

  it('describes DOM nodes, dates and bigints', () => {
    const node = document.createElement('button');
    expect(sanitizeProps({ node, when: new Date(0), big: 10n })).toEqual({ node: '[button]', when: '1970-01-01T00:00:00.000Z', big: '10' });
  });

  it('breaks cycles but keeps shared references', () => {
    const shared = { x: 1 };
    const cyclic: Record<string, unknown> = { shared, again: shared };
    cyclic.self = cyclic;
    expect(sanitizeProps(cyclic)).toEqual({ shared: { x: 1 }, again: { x: 1 }, self: '[circular]' });
  });

  it('cuts huge strings and deep nesting', () => {
    const deep: Record<string, unknown> = {};
    let cursor = deep;
    for (let i = 0; i < 20; i++) cursor = cursor.next = {};
    const out = sanitizeProps({ long: 'x'.repeat(100_000), deep });
    expect((out.long as string).length).toBeLessThan(9000);
    expect(JSON.stringify(out)).toContain('[too deep]');
  });

  it('survives throwing getters and proxies', () => {
    const hostile = {
      get boom() {
        throw new Error('no');
      },
    };
    const proxy = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error('no');
        },
      },
    );
    expect(sanitizeProps(hostile)).toEqual({ boom: '[unreadable]' });
    expect(sanitizeProps({ proxy })).toEqual({ proxy: '[unreadable]' });
  });

  it('returns {} for anything that is not a plain object', () => {
    for (const input of [null, undefined, 1, 'x', [1, 2], () => 1]) expect(sanitizeProps(input)).toEqual({});
  });

  it('writes -0 as 0, the only zero JSON has (fast-check found it in a Float64Array)', () => {
    const out = sanitizeProps({ flat: -0, nested: { list: [-0] }, typed: Float64Array.from([-0]) });
    expect(Object.is(out.flat, 0)).toBe(true);
    expect(Object.is((out.nested as { list: number[] }).list[0], 0)).toBe(true);
    expect(Object.is((out.typed as Record<string, number>)['0'], 0)).toBe(true);
  });

  it('never throws and always returns JSON that round-trips', () => {
    fc.assert(
      fc.property(
        fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true, withNullPrototype: true }),
        (input) => {
          const out = sanitizeProps(input);
          expect(JSON.parse(JSON.stringify(out))).toEqual(out);
        },
      ),
      { numRuns: 500 },
    );
  });
});
