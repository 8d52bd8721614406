import { describe, expect, it } from 'vitest';
import { npsBand } from '../../src/prompts/nps-band.js';

describe('NPS bands', () => {
  it('bands NPS scores: 0–6 detractor, 7–8 passive, 9–10 promoter', () => {
    expect([0, 6, 7, 8, 9, 10].map(npsBand)).toEqual(['detractor', 'detractor', 'passive', 'passive', 'promoter', 'promoter']);
  });
});
