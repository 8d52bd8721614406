// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { pollResultsUrl } from '../../src/prompts/poll-results.js';

describe('where a poll’s results are asked for', () => {
  it('beside a collector’s /collect, the prompt id encoded', () => {
    expect(pollResultsUrl('https://c.example/collect', 'next-flavour')).toBe('https://c.example/api/polls/next-flavour');
    expect(pollResultsUrl('https://c.example/waymark/collect/?v=1', 'a b')).toBe('https://c.example/waymark/api/polls/a%20b');
    expect(pollResultsUrl('/collect', 'p')).toBe('/api/polls/p');
  });

  it('nowhere for an endpoint that is not a collector’s, or no endpoint', () => {
    expect(pollResultsUrl('https://api.segment.io/v1/batch', 'p')).toBeNull();
    expect(pollResultsUrl('https://c.example/collector', 'p')).toBeNull();
    expect(pollResultsUrl(undefined, 'p')).toBeNull();
  });
});
