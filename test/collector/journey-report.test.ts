// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/server/index.js';
import { DATABASES } from './databases.js';
import { DATASET_CONFIG, generateDataset, type Visitor } from './journey/dataset.js';
import { expectedFunnel, expectedNpsByStage } from './journey/expected.js';
import { openCollector } from './open.js';
import { admin, post, wire } from './requests.js';
import type { Collector } from '../../src/collector/index.js';
import type { JourneyReport } from '../../src/collector/report/journey-report.js';

const VISITORS = 5_000;
const BATCH = 500;
const DAY = 86_400_000;
const visitors = generateDataset(VISITORS);
const all = visitors.flatMap((visitor) => visitor.records);

/** Sends each write key's visitors in batches, spread over 14 receive days. */
async function load(collector: Collector, clock: { now: number }) {
  const batches: Array<{ writeKey: string; records: Visitor['records'] }> = [];
  for (const writeKey of ['key-a', 'key-b']) {
    const records = visitors.filter((visitor) => visitor.writeKey === writeKey).flatMap((visitor) => visitor.records);
    for (let start = 0; start < records.length; start += BATCH) batches.push({ writeKey, records: records.slice(start, start + BATCH) });
  }
  const first = clock.now;
  for (const [n, batch] of batches.entries()) {
    clock.now = first + Math.floor((n * 14) / batches.length) * DAY;
    const response = await collector(post('/collect', wire(batch.records, batch.writeKey)));
    expect(response.status).toBe(200);
  }
}

const reportOf = async (collector: Collector, query = '') => {
  const response = await admin(collector, `/api/report${query}`);
  expect(response.status).toBe(200);
  return (await response.json()) as JourneyReport;
};

/** Every per-prompt figure of the report equals summarize() on the same records. */
function expectSummaryEquals(report: JourneyReport, records: unknown[]) {
  const summary = summarize(records, { config: DATASET_CONFIG });
  expect(report.prompts.map((prompt) => prompt.promptId).sort()).toEqual(Object.keys(summary.prompts).sort());
  for (const prompt of report.prompts) {
    const expected = summary.prompts[prompt.promptId]!;
    expect({
      id: prompt.promptId,
      shown: prompt.shown,
      answered: prompt.answered,
      dismissed: prompt.dismissed,
      partial: prompt.partial,
      rate: prompt.responseRate,
    }).toEqual({
      id: prompt.promptId,
      shown: expected.shown,
      answered: expected.answered,
      dismissed: expected.dismissed,
      partial: expected.partial,
      rate: expected.responseRate,
    });
    expect(prompt.nps?.score ?? null).toBeCloseTo(expected.nps?.score ?? (null as unknown as number), 9);
    expect(prompt.nps?.total ?? 0).toBe(expected.nps?.total ?? 0);
    expect(prompt.csat?.score ?? null).toBeCloseTo(expected.csat?.score ?? (null as unknown as number), 9);
    expect(prompt.ces?.mean ?? null).toBeCloseTo(expected.ces?.mean ?? (null as unknown as number), 9);
    const nonZero = Object.fromEntries((prompt.distribution ?? []).filter(([, count]) => count > 0).map(([score, count]) => [String(score), count]));
    expect(nonZero).toEqual({ ...(expected.distribution ?? {}) });
    expect(Object.fromEntries((prompt.reasons ?? []).map((row) => [row.reason, row.count]))).toEqual({ ...(expected.reasons ?? {}) });
    expect(prompt.followUps.texts.filter((text) => text.field === 'other').length).toBe(Math.min(expected.other?.length ?? 0, 50));
  }
  const tiers = Object.fromEntries(
    report.rewards.tiers.map((row) => [row.tier, { label: row.label, visitors: row.visitors, awarded: row.issued, redeemed: row.redeemed }]),
  );
  expect(tiers).toEqual(JSON.parse(JSON.stringify(summary.pointsByTier)));
}

describe.each(DATABASES)('journey report over 100,000 generated touchpoints on $kind', ({ fresh }) => {
  it('has the funnel and NPS per stage computed from the records, and per prompt equals summarize()', async () => {
    expect(all.length).toBeGreaterThanOrEqual(100_000);
    const clock = { now: Date.parse('2026-03-02T09:00:00.000Z') };
    const collector = await openCollector(await fresh(), { config: DATASET_CONFIG, writeKeys: ['key-a', 'key-b'], now: () => clock.now });
    await load(collector, clock);
    const report = await reportOf(collector);

    expect(report.totals.touchpoints).toBe(all.length);
    expect(report.totals.visitors).toBe(VISITORS);
    const funnel = expectedFunnel(visitors);
    expect(
      report.funnel.steps.map((step) => ({
        stage: step.stage,
        visitors: step.visitors,
        nextVisitors: step.next?.visitors ?? 0,
        medianSeconds: step.next?.medianSeconds ?? null,
        backwardIn: step.backwardIn,
      })),
    ).toEqual(funnel);
    const npsByStage = expectedNpsByStage(visitors);
    for (const stage of report.stages.filter((row) => row.nps)) {
      const expected = npsByStage.get(stage.stage)!;
      expect({ stage: stage.stage, ...stage.nps, score: Math.round(stage.nps!.score * 1e9) }).toEqual({
        stage: stage.stage,
        ...expected,
        score: Math.round(expected.score * 1e9),
      });
    }
    expect(report.stages.filter((row) => row.nps).length).toBe(npsByStage.size);
    expectSummaryEquals(report, all);

    const onlyB = await reportOf(collector, '?writeKey=key-b');
    expectSummaryEquals(
      onlyB,
      visitors.filter((visitor) => visitor.writeKey === 'key-b').flatMap((visitor) => visitor.records),
    );
    // Device as recorded by each visitor's first page view: visitors 1, 4, 7… are on a phone.
    const phones = await reportOf(collector, '?device=phone');
    expectSummaryEquals(
      phones,
      visitors.filter((_, n) => n % 3 === 1).flatMap((visitor) => visitor.records),
    );
    expect(phones.options.devices).toEqual(['desktop', 'phone', 'tablet']);
    const decision = await reportOf(collector, '?stage=decision&prompt=nps');
    expect(decision.prompts.map((prompt) => prompt.promptId)).toEqual(['nps']);
    expect(decision.prompts[0]!.nps).toEqual(report.stages.find((row) => row.stage === 'decision')!.nps);
  });
});
