// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/server/index.js';
import type { PromptAnsweredProps, Props, Touchpoint } from '../../src/types.js';
import { touch } from '../rewards/fixtures.js';

let second = 0;
const next = () => new Date(Date.UTC(2026, 2, 4, 12, 0, second++)).toISOString();
const shown = (promptId: string, kind: string, count: number) =>
  Array.from({ length: count }, (_, index) => touch('$prompt_shown', { promptId, kind, submissionId: `${promptId}-${index}` }, next()));
const answer = (props: Omit<PromptAnsweredProps, 'complete'> & { complete?: boolean }): Touchpoint =>
  touch('$prompt_answered', { complete: true, ...props } as Props, next());
const dismissed = (promptId: string, kind: string) => touch('$prompt_dismissed', { promptId, kind, submissionId: 'd', reason: 'close' }, next());

describe('summarize', () => {
  it('NPS: % promoters − % detractors, with counts per band, response rate and distribution', () => {
    // 10 submissions: promoters 10, 10, 9, 9, 9; passives 8, 7; detractors 6, 2, 0.
    const scores = [10, 10, 9, 9, 9, 8, 7, 6, 2, 0];
    const answers = scores.map((score, index) => answer({ promptId: 'nps', kind: 'nps', submissionId: `s${index}`, score }));
    const { prompts } = summarize([...shown('nps', 'nps', 25), ...answers, dismissed('nps', 'nps'), dismissed('nps', 'nps')]);
    expect(prompts.nps).toEqual({
      kind: 'nps',
      shown: 25,
      answered: 10,
      dismissed: 2,
      responseRate: 0.4,
      partial: 0,
      nps: { score: 20, promoters: 5, passives: 2, detractors: 3, total: 10 },
      distribution: { 0: 1, 2: 1, 6: 1, 7: 1, 8: 1, 9: 3, 10: 2 },
    });
  });

  it('counts one answer per submission: the latest, a partial one included, retries once', () => {
    const partial = answer({ promptId: 'nps', kind: 'nps', submissionId: 'a', score: 3, complete: false });
    const changedMind = answer({ promptId: 'nps', kind: 'nps', submissionId: 'a', score: 9, complete: false });
    const completed = answer({ promptId: 'nps', kind: 'nps', submissionId: 'a', comment: 'Great', complete: true });
    const onlyPartial = answer({ promptId: 'nps', kind: 'nps', submissionId: 'b', score: 4, complete: false });
    const { prompts } = summarize([completed, onlyPartial, partial, changedMind, onlyPartial, ...shown('nps', 'nps', 3)]);
    // One promoter (9), one detractor (4): NPS 0. The retried record counts once.
    expect(prompts.nps?.nps).toEqual({ score: 0, promoters: 1, passives: 0, detractors: 1, total: 2 });
    expect(prompts.nps?.answered).toBe(2);
    expect(prompts.nps?.responseRate).toBeCloseTo(2 / 3, 10);
  });

  it('NPS one third: 2 promoters, 1 passive, 0 detractors', () => {
    const answers = [10, 9, 7].map((score, index) => answer({ promptId: 'n', kind: 'nps', submissionId: `x${index}`, score }));
    expect(summarize(answers).prompts.n?.nps?.score).toBeCloseTo(66.6667, 3);
  });

  it('CSAT: % of 4–5 on a 5-point scale', () => {
    const scores = [5, 4, 4, 3, 1, 5, 2, 4];
    const answers = scores.map((score, index) =>
      answer({ promptId: 'csat', kind: 'rating', submissionId: `c${index}`, score, max: 5, scale: 'stars', metric: 'csat' }),
    );
    const summary = summarize([...shown('csat', 'rating', 10), ...answers]).prompts.csat;
    expect(summary?.csat).toEqual({ score: 62.5, total: 8 });
    expect(summary?.distribution).toEqual({ 1: 1, 2: 1, 3: 1, 4: 3, 5: 2 });
    expect(summary?.responseRate).toBe(0.8);
  });

  it('CSAT on other scales: top-2 of 10, top answer of thumbs; a rating without metric counts as CSAT', () => {
    const ten = [10, 9, 8, 3].map((score, index) => answer({ promptId: 'ten', kind: 'rating', submissionId: `t${index}`, score, max: 10 }));
    const thumbs = [2, 2, 1].map((score, index) =>
      answer({ promptId: 'thumbs', kind: 'rating', submissionId: `u${index}`, score, max: 2, scale: 'thumbs', metric: 'csat' }),
    );
    const { prompts } = summarize([...ten, ...thumbs]);
    expect(prompts.ten?.csat).toEqual({ score: 50, total: 4 });
    expect(prompts.thumbs?.csat?.score).toBeCloseTo(66.667, 2);
  });

  it('CES: the mean effort score; metric none gives the distribution only', () => {
    const ces = [2, 3, 5, 1].map((score, index) => answer({ promptId: 'ces', kind: 'rating', submissionId: `e${index}`, score, max: 7, metric: 'ces' }));
    const plain = [3, 3].map((score, index) => answer({ promptId: 'plain', kind: 'rating', submissionId: `p${index}`, score, max: 5, metric: 'none' }));
    const { prompts } = summarize([...ces, ...plain]);
    expect(prompts.ces?.ces).toEqual({ mean: 2.75, total: 4 });
    expect(prompts.ces?.csat).toBeUndefined();
    expect(prompts.plain).toEqual({ kind: 'rating', shown: 0, answered: 2, dismissed: 0, responseRate: 0, partial: 0, distribution: { 3: 2 } });
  });

  it('exit surveys: how often each reason was picked, and the texts typed in Other', () => {
    const answers = [
      answer({ promptId: 'exit', kind: 'exit', submissionId: 'e1', choices: ['Price'] }),
      answer({ promptId: 'exit', kind: 'exit', submissionId: 'e2', choices: ['Price', 'Shipping cost'] }),
      answer({ promptId: 'exit', kind: 'exit', submissionId: 'e3', choices: ['Just browsing'] }),
      answer({ promptId: 'exit', kind: 'exit', submissionId: 'e4', choices: [], other: 'Too slow' }),
    ];
    const summary = summarize([...shown('exit', 'exit', 8), ...answers, dismissed('exit', 'exit')]).prompts.exit;
    expect(summary).toEqual({
      kind: 'exit',
      shown: 8,
      answered: 4,
      dismissed: 1,
      responseRate: 0.5,
      partial: 0,
      reasons: { Price: 2, 'Shipping cost': 1, 'Just browsing': 1 },
      other: ['Too slow'],
    });
  });

  it('ignores records that are not prompt results, or are malformed', () => {
    const result = summarize([
      touch('purchase', { promptId: 'nps' }),
      touch('$prompt_shown', {}),
      null,
      'x',
      { name: '$prompt_shown' },
      answer({ promptId: 'n', kind: 'nps', submissionId: 'z', score: 11 }),
    ]);
    expect(result).toEqual({ prompts: { n: { kind: 'nps', shown: 0, answered: 0, dismissed: 0, responseRate: 0, partial: 0 } } });
  });

  it('out-of-range NPS scores are not answers: 11, −1 and 7.5 count nowhere (issue 11)', () => {
    const answers = [11, -1, 7.5, 9].map((score, index) => answer({ promptId: 'n', kind: 'nps', submissionId: `r${index}`, score }));
    const summary = summarize([...shown('n', 'nps', 4), ...answers]).prompts.n;
    expect(summary?.answered).toBe(1);
    expect(summary?.nps).toEqual({ score: 100, promoters: 1, passives: 0, detractors: 0, total: 1 });
    expect(summary?.distribution).toEqual({ 9: 1 });
  });

  it('rating scores are checked against the scale: 99 on a 5-point scale is not satisfied (issue 11)', () => {
    const scores = [99, 0, 6, 4.5, 5];
    const answers = scores.map((score, index) =>
      answer({ promptId: 'r', kind: 'rating', submissionId: `q${index}`, score, max: 5, scale: 'stars', metric: 'csat' }),
    );
    const thumbs = answer({ promptId: 't', kind: 'rating', submissionId: 't1', score: 3, max: 2, scale: 'thumbs', metric: 'csat' });
    const hugeScale = answer({ promptId: 'h', kind: 'rating', submissionId: 'h1', score: 99, max: 100, metric: 'csat' });
    const { prompts } = summarize([...answers, thumbs, hugeScale]);
    expect(prompts.r).toMatchObject({ answered: 1, csat: { score: 100, total: 1 }, distribution: { 5: 1 } });
    expect(prompts.t).toMatchObject({ answered: 0 });
    expect(prompts.t?.csat).toBeUndefined();
    expect(prompts.h?.csat).toBeUndefined();
  });

  it('a rating recorded without a metric counts as CSAT, one with metric none does not (issue 11)', () => {
    const bare = [5, 2].map((score, index) => answer({ promptId: 'bare', kind: 'rating', submissionId: `b${index}`, score, max: 5, scale: 'stars' }));
    const none = answer({ promptId: 'none', kind: 'rating', submissionId: 'n1', score: 5, max: 5, scale: 'stars', metric: 'none' });
    const { prompts } = summarize([...bare, none]);
    expect(prompts.bare?.csat).toEqual({ score: 50, total: 2 });
    expect(prompts.none?.csat).toBeUndefined();
  });

  it('responseRate stays at most 1 when answers outnumber recorded impressions (issue 11)', () => {
    const answers = [9, 10, 8].map((score, index) => answer({ promptId: 'n', kind: 'nps', submissionId: `o${index}`, score }));
    expect(summarize([...shown('n', 'nps', 1), ...answers]).prompts.n?.responseRate).toBe(1);
  });

  it('points by tier: each visitor under their latest tier, with points awarded and redeemed', () => {
    const visitor = (anonymousId: string, item: Touchpoint) => ({ ...item, anonymousId });
    const result = summarize([
      visitor('a', touch('$points', { delta: 600, rule: 'spend', balance: 600, lifetime: 600 }, next())),
      visitor('a', touch('$tier', { from: 'bronze', to: 'silver' }, next())),
      visitor('a', touch('$points', { delta: -200, rule: '$redeem', balance: 400, lifetime: 600 }, next())),
      visitor('b', touch('$points', { delta: 10, rule: 'signup', balance: 10, lifetime: 10 }, next())),
      visitor('c', touch('$points', { delta: 30, rule: 'share', balance: 30, lifetime: 30 }, next())),
    ]);
    expect(result.pointsByTier).toEqual({
      silver: { label: 'silver', visitors: 1, awarded: 600, redeemed: 200 },
      none: { label: 'No tier', visitors: 2, awarded: 40, redeemed: 0 },
    });
    expect(summarize([]).pointsByTier).toBeUndefined();
  });

  it('with the config, tiers carry their labels and visitors who never changed tier are in the starting tier (issue 13)', () => {
    const config = {
      version: 1 as const,
      rewards: {
        tiers: [
          { id: 'bronze', min: 0, label: { en: 'Bronze club', fr: 'Club bronze' } },
          { id: 'silver', min: 500, label: 'Silver club' },
        ],
      },
    };
    const result = summarize(
      [
        { ...touch('$points', { delta: 600, rule: 'spend', balance: 600, lifetime: 600 }, next()), anonymousId: 'a' },
        { ...touch('$tier', { from: 'bronze', to: 'silver' }, next()), anonymousId: 'a' },
        { ...touch('$points', { delta: 10, rule: 'signup', balance: 10, lifetime: 10 }, next()), anonymousId: 'b' },
      ],
      { config },
    );
    expect(result.pointsByTier).toEqual({
      silver: { label: 'Silver club', visitors: 1, awarded: 600, redeemed: 0 },
      bronze: { label: 'Bronze club', visitors: 1, awarded: 10, redeemed: 0 },
    });
  });

  it('an exit answer that picks "Other" and types nothing is no answer; reward prompts have no response rate (issue 13)', () => {
    const { prompts } = summarize([
      ...shown('exit', 'exit', 2),
      answer({ promptId: 'exit', kind: 'exit', submissionId: 'blank', choices: [], other: '' }),
      answer({ promptId: 'exit', kind: 'exit', submissionId: 'typed', choices: [], other: 'Too slow' }),
      ...shown('toast', 'reward', 3),
    ]);
    expect(prompts.exit).toMatchObject({ answered: 1, responseRate: 0.5, other: ['Too slow'] });
    expect(prompts.toast).toMatchObject({ shown: 3, responseRate: null });
  });
});
