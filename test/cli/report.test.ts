// @vitest-environment node
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatTable } from '../../src/cli/table.js';
import { run } from './run.js';

const dir = mkdtempSync(join(tmpdir(), 'waymark-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let sequence = 0;
const tp = (name: string, props: Record<string, unknown>, anonymousId = 'v1') => ({
  id: `id-${++sequence}`,
  name,
  props,
  ts: new Date(Date.UTC(2026, 4, 1, 10, 0, sequence)).toISOString(),
  anonymousId,
  userId: null,
  sessionId: 's',
  page: { url: 'http://127.0.0.1/', path: '/', referrer: '', title: '' },
});
const shown = (promptId: string, kind: string) => tp('$prompt_shown', { promptId, kind, submissionId: `sub-${sequence}` });
const answer = (promptId: string, kind: string, submissionId: string, extra: Record<string, unknown>, complete = true) =>
  tp('$prompt_answered', { promptId, kind, submissionId, complete, ...extra });

/** Hand-computed: NPS (2 promoters − 1 detractor) / 4 = 25; CSAT 2 of 3 = 66.7 %; CES (6 + 4) / 2 = 5. */
const records = [
  ...Array.from({ length: 5 }, () => shown('nps', 'nps')),
  answer('nps', 'nps', 'a', { score: 10 }, false),
  answer('nps', 'nps', 'a', { score: 10, comment: 'great' }),
  answer('nps', 'nps', 'b', { score: 9 }),
  answer('nps', 'nps', 'c', { score: 7 }),
  answer('nps', 'nps', 'd', { score: 3 }),
  tp('$prompt_dismissed', { promptId: 'nps', kind: 'nps', submissionId: 'e', reason: 'escape' }),
  ...Array.from({ length: 3 }, () => shown('stars', 'rating')),
  answer('stars', 'rating', 'f', { score: 5, max: 5, scale: 'stars', metric: 'csat' }),
  answer('stars', 'rating', 'g', { score: 4, max: 5, scale: 'stars', metric: 'csat' }),
  answer('stars', 'rating', 'h', { score: 2, max: 5, scale: 'stars', metric: 'csat' }),
  ...Array.from({ length: 4 }, () => shown('effort', 'rating')),
  answer('effort', 'rating', 'i', { score: 6, max: 7, scale: 'numeric', metric: 'ces' }),
  answer('effort', 'rating', 'j', { score: 4, max: 7, scale: 'numeric', metric: 'ces' }),
  ...Array.from({ length: 2 }, () => shown('exit', 'exit')),
  answer('exit', 'exit', 'k', { choices: ['Price'] }),
  answer('exit', 'exit', 'l', { choices: ['Price', 'Shipping cost'], other: 'too slow' }),
  tp('$points', { delta: 100, rule: 'spend', balance: 100, lifetime: 100 }),
  tp('$points', { delta: 50, rule: 'spend', balance: 150, lifetime: 150 }, 'v2'),
  tp('$points', { delta: -20, rule: 'redeem', balance: 130, lifetime: 150 }, 'v2'),
  tp('$tier', { from: 'bronze', to: 'silver' }, 'v2'),
];

describe('waymark report', () => {
  it('prints response rates, NPS, ratings, exit reasons and points by tier', async () => {
    const file = join(dir, 'events.ndjson');
    writeFileSync(file, `${records.map((record) => JSON.stringify(record)).join('\n')}\n${JSON.stringify(records[0])}\n`);
    const { code, out, err } = await run('report', file);
    expect(err).toBe('');
    expect(code).toBe(0);
    const lines = out.split('\n').map((line) => line.replace(/\s+/g, ' ').trim());
    expect(lines[0]).toBe(`Waymark report — ${records.length + 1} touchpoints, 4 prompts`);
    // Response rates: answered / shown.
    expect(lines).toContain('nps nps 5 4 1 80%');
    expect(lines).toContain('stars rating 3 3 0 100%');
    expect(lines).toContain('effort rating 4 2 0 50%');
    // NPS: score, promoters, passives, detractors, answers.
    expect(lines).toContain('nps 25 2 1 1 4');
    expect(lines).toContain('stars 66.7% – 3 2: 1 4: 1 5: 1');
    expect(lines).toContain('effort – 5 2 4: 1 6: 1');
    expect(lines).toContain('exit Price 2');
    expect(lines).toContain('exit Shipping cost 1');
    expect(lines).toContain('exit Other (1 written) 1');
    expect(lines).toContain('none 1 100 0');
    expect(lines).toContain('silver 1 50 20');
  });

  it('prints each survey question with where visitors left, and the paths they took', async () => {
    const file = join(dir, 'survey.ndjson');
    const survey = [
      shown('onboarding', 'survey'),
      answer('onboarding', 'survey', 'p', { questionId: 'score', score: 3, band: 'detractor' }, false),
      answer('onboarding', 'survey', 'p', { questionId: 'why', comment: 'slow' }),
      shown('onboarding', 'survey'),
      answer('onboarding', 'survey', 'q', { questionId: 'score', score: 10, band: 'promoter' }, false),
      answer('onboarding', 'survey', 'q', { questionId: 'features', choices: ['Search', 'Wishlist'] }, false),
    ];
    writeFileSync(file, `${survey.map((record) => JSON.stringify(record)).join('\n')}\n`);
    const { code, out } = await run('report', file);
    expect(code).toBe(0);
    const lines = out.split('\n').map((line) => line.replace(/\s+/g, ' ').trim());
    expect(lines).toContain('onboarding survey 2 2 0 100%');
    // survey, question, answered, left here, result: NPS (1 − 1) / 2 = 0.
    expect(lines).toContain('onboarding score 2 0 NPS 0');
    expect(lines).toContain('onboarding why 1 0 1 written');
    expect(lines).toContain('onboarding features 1 1 Search: 1 Wishlist: 1');
    expect(lines).toContain('onboarding score > why 1');
    expect(lines).toContain('onboarding score > features 1');
  });

  it('skips unreadable lines with a warning', async () => {
    const file = join(dir, 'broken.ndjson');
    writeFileSync(file, `${JSON.stringify(records[0])}\n{"id": "cut-sho\n\n[1,2]\n`);
    const { code, out, err } = await run('report', file);
    expect(code).toBe(0);
    expect(err).toContain('skipped 2 unreadable lines (first: line 2)');
    expect(out).toContain('1 touchpoint, 1 prompt');
  });

  it('escapes control characters that touchpoints carry, so they cannot rewrite the terminal', async () => {
    const file = join(dir, 'hostile.ndjson');
    const hostile = [shown('exit\u202e', 'exit'), answer('exit\u202e', 'exit', 'm', { choices: ['\u001b[2J\u001b[HPrice\r'] })];
    writeFileSync(file, `${hostile.map((record) => JSON.stringify(record)).join('\n')}\n`);
    const { out } = await run('report', file);
    expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u202e]/);
    expect(out).toContain('exit\\u202e');
    expect(out).toContain('\\u001b[2J\\u001b[HPrice\\u000d');
  });

  it('says so when no prompt was shown, and exits 2 without a readable file', async () => {
    const file = join(dir, 'empty.ndjson');
    writeFileSync(file, '');
    expect((await run('report', file)).out).toContain('No prompt has been shown yet.');
    expect((await run('report', join(dir, 'missing.ndjson'))).code).toBe(2);
    expect((await run('report')).code).toBe(2);
  });
});

describe('formatTable', () => {
  it('pads columns and right-aligns numbers', () => {
    expect(
      formatTable(
        ['name', 'count'],
        [
          ['a', 5],
          ['longer', 12],
        ],
      ),
    ).toBe('name    count\n──────  ─────\na           5\nlonger     12\n');
  });
});
