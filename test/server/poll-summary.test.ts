// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { renderSummary } from '../../src/cli/report.js';
import { summarize } from '../../src/server/index.js';
import type { Props } from '../../src/types.js';
import { touch } from '../rewards/fixtures.js';

let second = 0;
const at = () => new Date(Date.UTC(2026, 2, 4, 12, 0, second++)).toISOString();
const shown = (submissionId: string) => touch('$prompt_shown', { promptId: 'flavour', kind: 'poll', submissionId }, at());
const voted = (submissionId: string, choices: unknown) =>
  touch('$prompt_answered', { promptId: 'flavour', kind: 'poll', submissionId, complete: true, choices } as Props, at());

describe('summarize, polls', () => {
  it('counts each voter once, each choice per voter, and gives the shares of the voters', () => {
    const records = [
      ...['a', 'b', 'c', 'd', 'e'].map(shown),
      voted('a', ['Caramel']),
      voted('b', ['Caramel', 'Hazelnut']),
      voted('c', ['Hazelnut']),
      voted('c', ['Hazelnut']), // delivered twice
      voted('d', ['Caramel', 'Caramel']), // one voter, one vote per choice
      voted('e', []), // picked nothing: no vote
    ];
    const { prompts } = summarize(records);
    expect(prompts.flavour).toMatchObject({ kind: 'poll', shown: 5, answered: 4, responseRate: 0.8 });
    expect(prompts.flavour!.poll).toEqual({ votes: 4, choices: { Caramel: 3, Hazelnut: 2 }, shares: { Caramel: 0.75, Hazelnut: 0.5 } });
  });

  it('waymark report prints a Polls table, most voted first', () => {
    const summary = summarize([shown('a'), voted('a', ['Hazelnut']), shown('b'), voted('b', ['Caramel']), shown('c'), voted('c', ['Caramel'])]);
    const text = renderSummary(summary, 6, { out: () => {}, err: () => {}, color: false } as never);
    const table = text.slice(text.indexOf('Polls'));
    expect(table.split('\n').slice(0, 5).join('\n')).toMatch(
      /Polls\n.*poll.*choice.*votes.*share.*voters\n.*\n.*flavour.*Caramel.*2.*66\.7%.*3\n.*flavour.*Hazelnut.*1.*33\.3%.*3/,
    );
  });
});
