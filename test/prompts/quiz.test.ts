import { afterEach, describe, expect, it } from 'vitest';
import type { Config } from '../../src/config/schema.js';
import { setup } from './harness.js';

const config: Config = {
  version: 1,
  prompts: [
    {
      id: 'coffee-quiz',
      kind: 'quiz',
      trigger: { on: 'article_read' },
      questions: [
        { id: 'origin', type: 'single', text: 'Q', choices: ['Brazil', 'Ethiopia'], correct: ['Ethiopia'] },
        { id: 'brews', type: 'multiple', text: 'Q', choices: ['Latte', 'Cold brew', 'Cortado'], correct: ['Latte', 'Cortado'] },
        { id: 'roast', type: 'single', text: 'Q', choices: ['Light', 'Dark'], correct: ['Light'] },
      ],
    },
  ],
};

afterEach(() => sessionStorage.clear());

describe('a quiz', () => {
  it('records each answer with whether it was right, then $quiz_completed with the score', async () => {
    const { fire, host, recorded } = setup(config);
    await fire('article_read');
    host.props.onAnswer({ choices: ['Ethiopia'], questionId: 'origin' }, false);
    host.props.onAnswer({ choices: ['Latte'], questionId: 'brews' }, false);
    // Answered again (a reload resumed it): the newer answer counts once.
    host.props.onAnswer({ choices: ['Cortado', 'Latte'], questionId: 'brews' }, false);
    host.props.onAnswer({ choices: ['Dark'], questionId: 'roast' }, true);
    const answers = recorded.filter(({ name }) => name === '$prompt_answered').map(({ props }) => [props.questionId, props.correct]);
    expect(answers).toEqual([
      ['origin', true],
      ['brews', false],
      ['brews', true],
      ['roast', false],
    ]);
    const { submissionId } = recorded[0]!.props;
    expect(recorded.at(-1)).toEqual({ name: '$quiz_completed', props: { promptId: 'coffee-quiz', submissionId, score: 2, max: 3 } });
  });

  it('a quiz left part way records no score', async () => {
    const { fire, host, recorded } = setup(config);
    await fire('article_read');
    host.props.onAnswer({ choices: ['Ethiopia'], questionId: 'origin' }, false);
    host.props.onDismiss('close');
    expect(recorded.map(({ name }) => name)).toEqual(['$prompt_shown', '$prompt_answered', '$prompt_dismissed']);
  });
});
