import { describe, expect, it } from 'vitest';
import { checkGates } from '../../src/prompts/gates.js';
import { sampleBucket } from '../../src/prompts/sample.js';
import { uuidv7 } from '../../src/track/uuid.js';
import type { Prompt } from '../../src/config/schema.js';
import { makeFacts } from './facts.js';

const visitors = Array.from({ length: 10_000 }, (_, index) => uuidv7(Date.parse('2026-01-01T00:00:00Z') + index * 37_000));
const sampled = (share: number, promptId = 'nps') => {
  const prompt = { id: promptId, kind: 'nps', trigger: { on: 'x' }, sample: share, content: { question: 'q' } } as Prompt;
  return visitors.filter((visitor) => checkGates(prompt, { version: 1 }, makeFacts(), visitor).find((report) => report.gate === 'sample')?.pass);
};

describe('sticky sampling', () => {
  it('is the same for the same visitor and prompt, every time', () => {
    const visitor = visitors[42]!;
    const first = sampleBucket(visitor, 'nps');
    for (let i = 0; i < 100; i++) expect(sampleBucket(visitor, 'nps')).toBe(first);
    expect(first).toBeGreaterThanOrEqual(0);
    expect(first).toBeLessThan(1);
  });

  it.each([0.01, 0.1, 0.25, 0.5, 0.9])('reaches %s of 10,000 visitors within ±3 %', (share) => {
    const fraction = sampled(share).length / visitors.length;
    expect(Math.abs(fraction - share)).toBeLessThanOrEqual(0.03);
  });

  it('reaches nobody at 0 and everybody at 1', () => {
    expect(sampled(0)).toHaveLength(0);
    expect(sampled(1)).toHaveLength(visitors.length);
  });

  it('nests: a visitor in the 10 % sample is also in the 50 % sample of the same prompt', () => {
    const small = new Set(sampled(0.1));
    const large = new Set(sampled(0.5));
    for (const visitor of small) expect(large.has(visitor)).toBe(true);
  });

  it('draws independently per prompt: two 50 % samples overlap on about a quarter of visitors', () => {
    const a = new Set(sampled(0.5, 'nps'));
    const both = sampled(0.5, 'exit-survey').filter((visitor) => a.has(visitor)).length / visitors.length;
    expect(Math.abs(both - 0.25)).toBeLessThanOrEqual(0.03);
  });

  it('spreads random-looking and sequential ids alike (no bias from shared prefixes)', () => {
    const sequential = Array.from({ length: 10_000 }, (_, index) => `user-${index}`);
    const buckets = new Array(10).fill(0);
    for (const id of sequential) buckets[Math.floor(sampleBucket(id, 'nps') * 10)]++;
    for (const count of buckets) expect(Math.abs(count - 1000)).toBeLessThanOrEqual(300);
  });

  it('says where the visitor falls in explain()', () => {
    const prompt = { id: 'nps', kind: 'nps', trigger: { on: 'x' }, sample: 0.1, content: { question: 'q' } } as Prompt;
    const visitor = visitors.find((id) => sampleBucket(id, 'nps') >= 0.1)!;
    const report = checkGates(prompt, { version: 1 }, makeFacts(), visitor).find((entry) => entry.gate === 'sample');
    expect(report?.pass).toBe(false);
    expect(report?.reason).toMatch(/^sample: visitor is at \d+(\.\d)? % of a 10 % sample$/);
  });
});
