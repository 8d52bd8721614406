// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { renderSummary } from '../../src/cli/report.js';
import { summarize } from '../../src/server/index.js';
import type { Props } from '../../src/types.js';
import { touch } from '../rewards/fixtures.js';

let second = 0;
const at = () => new Date(Date.UTC(2026, 2, 4, 12, 0, second++)).toISOString();
const shown = (submissionId: string, variant: string) => touch('$prompt_shown', { promptId: 'recommend', kind: 'nps', submissionId, variant }, at());
const answered = (submissionId: string, variant: string, score: number) =>
  touch('$prompt_answered', { promptId: 'recommend', kind: 'nps', submissionId, variant, score, complete: true } as Props, at());

describe('summarize, variants', () => {
  // "plain": 4 shown, 2 answered (10, 2): NPS 0. "warm": 4 shown, 3 answered (10, 9, 8): NPS 66.7.
  const records = [
    ...['a', 'b', 'c', 'd'].map((id) => shown(id, 'plain')),
    answered('a', 'plain', 10),
    answered('b', 'plain', 2),
    ...['e', 'f', 'g', 'h'].map((id) => shown(id, 'warm')),
    answered('e', 'warm', 10),
    answered('f', 'warm', 9),
    answered('g', 'warm', 8),
    touch('$prompt_dismissed', { promptId: 'recommend', kind: 'nps', submissionId: 'h', variant: 'warm', reason: 'close' }, at()),
  ];

  it('summarizes each variant alone beside the whole prompt, with counts', () => {
    const { prompts } = summarize(records);
    expect(prompts.recommend).toMatchObject({ shown: 8, answered: 5, dismissed: 1 });
    const { plain, warm } = prompts.recommend!.variants!;
    expect(plain).toMatchObject({ shown: 4, answered: 2, dismissed: 0, responseRate: 0.5, nps: { score: 0, promoters: 1, detractors: 1, total: 2 } });
    expect(warm).toMatchObject({ shown: 4, answered: 3, dismissed: 1, responseRate: 0.75, nps: { promoters: 2, passives: 1, total: 3 } });
    expect(warm!.nps!.score).toBeCloseTo(66.67, 1);
    expect(summarize(records.map((record) => ({ ...record, props: { ...record.props, variant: undefined } }))).prompts.recommend!.variants).toBeUndefined();
  });

  it('waymark report prints the variants side by side', () => {
    const text = renderSummary(summarize(records), records.length, { out: () => {}, err: () => {}, color: false } as never);
    const table = text.slice(text.indexOf('Variants')).split('\n').slice(0, 5).join('\n');
    expect(table).toMatch(
      /Variants\n.*prompt.*variant.*shown.*answered.*response rate.*result\n.*\n.*recommend.*plain.*4.*2.*50%.*NPS 0\n.*recommend.*warm.*4.*3.*75%.*NPS 66\.7/,
    );
  });
});
