// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { JourneyReport } from '../../src/collector/report/journey-report.js';
import { summarize } from '../../src/server/index.js';
import { DATABASES } from './databases.js';
import { openCollector } from './open.js';
import { admin, collect, record, type WireRecord } from './requests.js';

const PROMPT = 'checkout-nps';
const shown = (visitor: string, variant: string) => record(visitor, '$prompt_shown', { promptId: PROMPT, kind: 'nps', submissionId: `${visitor}-s`, variant });
const answered = (visitor: string, variant: string, props: Record<string, unknown>, ts?: string) =>
  record(visitor, '$prompt_answered', { promptId: PROMPT, kind: 'nps', submissionId: `${visitor}-s`, variant, ...props }, ts);

/**
 * Variant "short": 4 shown, 3 answered (9, 10, 3: NPS 33); "long": 3 shown, 2 answered (7
 * complete, 10 with its comment left: NPS 50), one dismissed. Visitor s1's comment comes in a later batch: the
 * submission continues, and its variant is counted once.
 */
function visits(): { first: WireRecord[]; later: WireRecord[] } {
  const first = [
    ...['s1', 's2', 's3', 's4'].map((visitor) => shown(visitor, 'short')),
    answered('s1', 'short', { score: 9 }),
    answered('s2', 'short', { score: 10, complete: true }),
    answered('s3', 'short', { score: 3, complete: true }),
    ...['l1', 'l2', 'l3'].map((visitor) => shown(visitor, 'long')),
    answered('l1', 'long', { score: 7, complete: true }),
    answered('l2', 'long', { score: 10 }),
    record('l3', '$prompt_dismissed', { promptId: PROMPT, kind: 'nps', reason: 'close', variant: 'long' }),
    // A prompt without variants has none in the report.
    record('x', '$prompt_shown', { promptId: 'plain', kind: 'nps', submissionId: 'x-s' }),
    record('x', '$prompt_answered', { promptId: 'plain', kind: 'nps', submissionId: 'x-s', score: 8, complete: true }),
  ];
  // A second later: the step that completes the submission is its latest.
  const next = new Date(Date.now() + 1000).toISOString();
  return { first, later: [answered('s1', 'short', { score: 9, comment: 'Quick checkout', complete: true }, next)] };
}

describe.each(DATABASES)('the report compares prompt variants on $kind', ({ fresh }) => {
  it('gives each variant its impressions, answers, response rate and NPS, as summarize() does', async () => {
    const collector = await openCollector(await fresh());
    const { first, later } = visits();
    await collect(collector, first);
    await collect(collector, later);
    const response = await admin(collector, '/api/report');
    expect(response.status).toBe(200);
    const report = (await response.json()) as JourneyReport;
    const prompt = report.prompts.find((row) => row.promptId === PROMPT)!;
    const figures = (prompt.variants ?? []).map(({ variant, shown, answered, partial, responseRate, nps }) => ({
      variant,
      shown,
      answered,
      partial,
      responseRate,
      nps: nps ? Math.round(nps.score * 1000) / 1000 : null,
      npsAnswers: nps?.total ?? 0,
    }));
    expect(figures).toEqual([
      { variant: 'long', shown: 3, answered: 2, partial: 1, responseRate: 2 / 3, nps: 50, npsAnswers: 2 },
      { variant: 'short', shown: 4, answered: 3, partial: 0, responseRate: 3 / 4, nps: 33.333, npsAnswers: 3 },
    ]);
    const summary = summarize([...first, ...later]).prompts[PROMPT]!.variants!;
    for (const row of prompt.variants!) {
      const expected = summary[row.variant]!;
      expect([row.shown, row.answered, row.partial, row.responseRate]).toEqual([expected.shown, expected.answered, expected.partial, expected.responseRate]);
      expect(row.nps?.score).toBeCloseTo(expected.nps!.score, 9);
    }
    expect(report.prompts.find((row) => row.promptId === 'plain')?.variants).toBeNull();
  });

  it('narrows the variants by the report filters, as every other figure', async () => {
    const collector = await openCollector(await fresh());
    await collect(collector, visits().first);
    const report = (await (await admin(collector, '/api/report?stage=nowhere')).json()) as JourneyReport;
    expect(report.prompts.find((row) => row.promptId === PROMPT)?.variants ?? null).toBeNull();
  });
});
