import { afterEach, describe, expect, it } from 'vitest';
import type { Config } from '../../src/config/schema.js';
import { settle, setup } from './harness.js';
import { onboardingSurvey } from './survey-fixture.js';

const config: Config = { version: 1, prompts: [onboardingSurvey] };

afterEach(() => sessionStorage.clear());

describe('a survey across a reload', () => {
  it('resumes where the visitor was, with the same submission and no second impression', async () => {
    const namespace = `resume-${Math.random()}`;
    const first = setup(config, { namespace });
    await first.fire('signup');
    const { submissionId } = first.recorded.find(({ name }) => name === '$prompt_shown')!.props as { submissionId: string };
    first.host.props.onAnswer({ score: 4, questionId: 'score' }, false);
    first.host.props.onProgress?.({ path: ['score', 'why'], answers: { score: { score: 4 } } });
    // The page reloads: a new controller in the same tab session, no trigger fired.
    const second = setup(config, { namespace });
    await settle();
    expect(second.host.shows).toHaveLength(1);
    expect(second.host.props.resume).toEqual({ path: ['score', 'why'], answers: { score: { score: 4 } } });
    expect(second.recorded.filter(({ name }) => name === '$prompt_shown')).toEqual([]);
    second.host.props.onAnswer({ comment: 'slow', questionId: 'why' }, true);
    expect(second.recorded.at(-1)).toMatchObject({ name: '$prompt_answered', props: { submissionId, questionId: 'why', complete: true } });
    // Finished: a further reload shows nothing.
    const third = setup(config, { namespace });
    await settle();
    expect(third.host.shows).toEqual([]);
  });

  it('closing it part way is a dismissal, not a completion, and ends the resume', async () => {
    const namespace = `resume-${Math.random()}`;
    const first = setup(config, { namespace });
    await first.fire('signup');
    first.host.props.onAnswer({ score: 9, questionId: 'score' }, false);
    first.host.props.onProgress?.({ path: ['score', 'why'], answers: { score: { score: 9 } } });
    first.host.props.onDismiss('close');
    expect(first.recorded.map(({ name, props }) => [name, props.complete ?? props.reason])).toEqual([
      ['$prompt_shown', undefined],
      ['$prompt_answered', false],
      ['$prompt_dismissed', 'close'],
    ]);
    const second = setup(config, { namespace });
    await settle();
    expect(second.host.shows).toEqual([]);
  });

  it('ignores saved progress of a prompt the config no longer has, or that is not a survey', async () => {
    const namespace = `resume-${Math.random()}`;
    sessionStorage.setItem(`waymark:${namespace}:survey`, JSON.stringify({ promptId: 'gone', submissionId: 's', path: ['a'], answers: {} }));
    expect(setup(config, { namespace }).host.shows).toEqual([]);
    sessionStorage.setItem(`waymark:${namespace}:survey`, '{not json');
    const broken = setup(config, { namespace });
    await settle();
    expect(broken.host.shows).toEqual([]);
    expect(broken.errors).toEqual([]);
  });
});
