import { describe, expect, it } from 'vitest';
import type { Operators } from '../../src/config/schema.js';
import { testOperators } from '../../src/rules/operators.js';

const yes = (ops: Operators, value: unknown, order?: readonly string[]) => expect(testOperators(ops, value, order)).toBe(true);
const no = (ops: Operators, value: unknown, order?: readonly string[]) => expect(testOperators(ops, value, order)).toBe(false);

describe('equality', () => {
  it('eq compares strictly, without type coercion', () => {
    yes({ eq: 'pro' }, 'pro');
    yes({ eq: 5 }, 5);
    yes({ eq: true }, true);
    yes({ eq: null }, null);
    no({ eq: 5 }, '5');
    no({ eq: 'Pro' }, 'pro');
    no({ eq: 0 }, false);
    no({ eq: 'x' }, ['x']);
    no({ eq: null }, {});
  });

  it('neq holds for any other scalar, but not for a missing value or a list', () => {
    yes({ neq: 'free' }, 'pro');
    yes({ neq: 5 }, '5');
    yes({ neq: 'x' }, null);
    no({ neq: 'pro' }, 'pro');
    no({ neq: 'pro' }, undefined);
    no({ neq: 'pro' }, ['free']);
  });

  it('in and notIn test membership of a scalar', () => {
    yes({ in: ['fr', 'de'] }, 'de');
    yes({ in: [1, 2, null] }, null);
    no({ in: ['fr'] }, 'en');
    no({ in: [] }, 'en');
    no({ in: ['1'] }, 1);
    yes({ notIn: ['fr', 'de'] }, 'en');
    yes({ notIn: [] }, 'en');
    no({ notIn: ['fr'] }, 'fr');
    no({ notIn: ['fr'] }, undefined);
    no({ in: ['a'] }, { a: 1 });
  });
});

describe('ordering', () => {
  it('gt gte lt lte compare numbers', () => {
    yes({ gt: 1 }, 2);
    no({ gt: 2 }, 2);
    yes({ gte: 2 }, 2);
    no({ gte: 2 }, 1.999);
    yes({ lt: 0 }, -1);
    no({ lt: 0 }, 0);
    yes({ lte: 0 }, 0);
    yes({ gt: -Infinity }, -1e308);
  });

  it('compares strings by code unit, never strings with numbers', () => {
    yes({ gte: '2026-01-01' }, '2026-03-15T10:00:00Z');
    yes({ lt: 'b' }, 'a');
    no({ gt: 1 }, '2');
    no({ lt: '10' }, 9);
    no({ gt: 0 }, true);
    no({ gte: 0 }, null);
    no({ gte: 0 }, [1]);
  });

  it('never passes NaN', () => {
    no({ gte: 0 }, NaN);
    no({ lte: 0 }, NaN);
    no({ between: [0, 10] }, NaN);
  });

  it('between is inclusive on both ends and numeric only', () => {
    yes({ between: [1, 5] }, 1);
    yes({ between: [1, 5] }, 5);
    yes({ between: [1, 5] }, 3.5);
    no({ between: [1, 5] }, 5.0001);
    no({ between: [1, 5] }, '3');
  });

  it('several operators must all hold', () => {
    yes({ gte: 1, lt: 5 }, 4);
    no({ gte: 1, lt: 5 }, 5);
    no({ gte: 1, lt: 5 }, 0);
  });
});

describe('text', () => {
  it('contains finds a substring, or an item of a list', () => {
    yes({ contains: 'shoe' }, 'red shoes');
    no({ contains: 'Shoe' }, 'red shoes');
    yes({ contains: 'sale' }, ['new', 'sale']);
    yes({ contains: 3 }, [1, 2, 3]);
    no({ contains: '3' }, [1, 2, 3]);
    no({ contains: 3 }, 'a3');
    no({ contains: 'x' }, 42);
  });

  it('startsWith and endsWith need strings', () => {
    yes({ startsWith: '/cart' }, '/cart/checkout');
    no({ startsWith: '/cart' }, '/shop/cart');
    yes({ endsWith: '.pdf' }, '/docs/guide.pdf');
    no({ endsWith: '.pdf' }, '/docs/guide.PDF');
    no({ startsWith: '1' }, 123);
    no({ endsWith: '' }, null);
  });

  it('handles unicode text', () => {
    yes({ contains: 'é' }, 'café crème');
    yes({ startsWith: '日本' }, '日本語のページ');
    yes({ endsWith: '🎉' }, 'merci 🎉');
    yes({ eq: 'naïve' }, 'naïve');
    // Composed and decomposed é are different strings: no normalization happens.
    no({ eq: 'caf\u00e9' }, 'cafe\u0301');
    yes({ lt: 'z' }, 'a');
  });

  it('matches is a whole-string glob', () => {
    yes({ matches: '/blog/*' }, '/blog/hello');
    no({ matches: '/blog/*' }, '/blog/2024/hello');
    yes({ matches: '/blog/**' }, '/blog/2024/hello');
    no({ matches: '/blog' }, '/blog/x');
    no({ matches: '*' }, 5);
  });
});

describe('regex', () => {
  it('is a search (not anchored) unless the pattern anchors it', () => {
    yes({ regex: 'sku-\\d+' }, 'item sku-123 added');
    no({ regex: '^sku-\\d+$' }, 'item sku-123');
    no({ regex: '\\d' }, 7);
  });

  it('applies flags', () => {
    no({ regex: '^promo' }, 'PROMO2026');
    yes({ regex: '^promo', flags: 'i' }, 'PROMO2026');
    no({ regex: '^b' }, 'a\nb');
    yes({ regex: '^b', flags: 'm' }, 'a\nb');
    no({ regex: 'a.b' }, 'a\nb');
    yes({ regex: 'a.b', flags: 's' }, 'a\nb');
    yes({ regex: '^.$', flags: 'u' }, '😀');
    no({ regex: '^.$' }, '😀');
    yes({ regex: '\\p{Script=Greek}', flags: 'u' }, 'Ωμέγα');
  });

  it('ignores g and y so repeated tests give the same answer', () => {
    const ops: Operators = { regex: 'x', flags: 'gy' };
    for (let round = 0; round < 3; round++) yes(ops, 'x');
    const global: Operators = { regex: 'ab', flags: 'gi' };
    for (let round = 0; round < 3; round++) yes(global, 'xxAB');
  });

  it('an invalid pattern or flag is false, not an exception', () => {
    no({ regex: '(' }, '(');
    no({ regex: 'a', flags: 'q' }, 'a');
  });
});

describe('exists', () => {
  it('distinguishes present, null and missing', () => {
    yes({ exists: true }, 'x');
    yes({ exists: true }, 0);
    yes({ exists: true }, false);
    yes({ exists: true }, '');
    no({ exists: true }, null);
    no({ exists: true }, undefined);
    yes({ exists: false }, undefined);
    yes({ exists: false }, null);
    no({ exists: false }, 'x');
  });

  it('a missing value fails every other operator', () => {
    for (const ops of [{ eq: null }, { neq: 'x' }, { notIn: ['x'] }, { lt: 1 }, { contains: 'x' }, { matches: '**' }, { regex: '.*' }] as Operators[]) {
      no(ops, undefined);
    }
  });
});

describe('atLeast and atMost', () => {
  const order = ['awareness', 'consideration', 'decision', 'retention'];

  it('compare positions in the ordered list', () => {
    yes({ atLeast: 'decision' }, 'retention', order);
    yes({ atLeast: 'decision' }, 'decision', order);
    no({ atLeast: 'decision' }, 'consideration', order);
    yes({ atMost: 'consideration' }, 'awareness', order);
    no({ atMost: 'consideration' }, 'retention', order);
    yes({ atLeast: 'consideration', atMost: 'decision' }, 'decision', order);
  });

  it('fail on values outside the list, without a list, or without a value', () => {
    no({ atLeast: 'decision' }, 'unknown', order);
    no({ atLeast: 'nowhere' }, 'retention', order);
    no({ atLeast: 'decision' }, 'retention');
    no({ atLeast: 'decision' }, null, order);
    no({ atMost: 'decision' }, 2, order);
  });
});

describe('robustness', () => {
  it('an unknown operator fails rather than matching everything', () => {
    no({ equals: 'x' } as unknown as Operators, 'x');
  });

  it('operators that are not an object fail', () => {
    no(null as unknown as Operators, 'x');
    no('eq' as unknown as Operators, 'x');
  });

  it('skips operators explicitly set to undefined', () => {
    yes({ eq: 'x', neq: undefined } as Operators, 'x');
  });
});
