import { describe, expect, it } from 'vitest';
import type { Config } from '../../src/config/schema.js';
import { setup } from './harness.js';

const config: Config = {
  version: 1,
  prompts: [
    { id: 'next-flavour', kind: 'poll', trigger: { on: 'article_read' }, content: { question: 'Which next?', choices: ['Hazelnut', 'Caramel'] } },
    { id: 'rate', kind: 'rating', trigger: { on: 'checkout' }, content: { question: 'How was it?' } },
  ],
};

describe('a poll', () => {
  it('records the vote as one complete answer with its choices', async () => {
    const { fire, host, recorded, flushes } = setup(config);
    await fire('article_read');
    host.props.onAnswer({ choices: ['Caramel'] }, true);
    const { submissionId } = recorded[0]!.props;
    expect(recorded.at(-1)).toEqual({
      name: '$prompt_answered',
      props: { promptId: 'next-flavour', kind: 'poll', submissionId, complete: true, choices: ['Caramel'] },
    });
    expect(flushes()).toBe(1);
  });

  it('learns where the collector serves its own results; other kinds, and no collector, learn nothing', async () => {
    const url = (promptId: string) => `https://c.example/api/polls/${promptId}`;
    const { fire, host } = setup(config, { pollResultsUrl: url });
    await fire('article_read');
    expect(host.props.pollResultsUrl).toBe('https://c.example/api/polls/next-flavour');
    host.props.onAnswer({ choices: ['Caramel'] }, true);
    await fire('checkout');
    expect(host.props.prompt.id).toBe('rate');
    expect(host.props.pollResultsUrl).toBeUndefined();
    const offline = setup(config, { pollResultsUrl: () => null });
    await offline.fire('article_read');
    expect(offline.host.props.pollResultsUrl).toBeUndefined();
  });
});
