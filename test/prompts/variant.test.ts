import { describe, expect, it } from 'vitest';
import type { Config, Prompt } from '../../src/config/schema.js';
import { sampleBucket } from '../../src/prompts/sample.js';
import { variantOf, withVariant } from '../../src/prompts/variant.js';
import { setup } from './harness.js';

const prompt = (weights: number[]): Prompt => ({
  id: 'recommend',
  kind: 'nps',
  trigger: { on: 'order' },
  content: { question: 'Recommend us?', thanks: 'Thanks!' },
  variants: weights.map((weight, index) => ({ id: `v${index}`, weight, content: { question: `Question ${index}` } })),
});
const ids = Array.from({ length: 20_000 }, (_, n) => `visitor-${n}`);
const shares = (of: Prompt, visitors: string[]) => {
  const counts: Record<string, number> = {};
  for (const id of visitors) {
    const variant = variantOf(of, id)!.id;
    counts[variant] = (counts[variant] ?? 0) + 1;
  }
  return Object.fromEntries(Object.entries(counts).map(([variant, count]) => [variant, count / visitors.length]));
};

describe('variant assignment', () => {
  it('is sticky: the same visitor gets the same variant every time', () => {
    const twoWay = prompt([1, 1]);
    for (const id of ids.slice(0, 200)) expect(variantOf(structuredClone(twoWay), id)!.id).toBe(variantOf(twoWay, id)!.id);
    expect(new Set(ids.slice(0, 200).map((id) => variantOf(twoWay, id)!.id)).size).toBe(2);
  });

  it('follows the weights', () => {
    const result = shares(prompt([1, 3]), ids);
    expect(result.v0).toBeCloseTo(0.25, 1);
    expect(Math.abs(result.v0! - 0.25)).toBeLessThan(0.02);
    const three = shares(prompt([1, 1, 2]), ids);
    expect(Math.abs(three.v2! - 0.5)).toBeLessThan(0.02);
  });

  it('is independent of the sample: the visitors `sample: 0.2` lets in are split like everyone', () => {
    const sampledIn = ids.filter((id) => sampleBucket(id, 'recommend') < 0.2);
    expect(sampledIn.length).toBeGreaterThan(3_000);
    expect(Math.abs(shares(prompt([1, 1]), sampledIn).v0! - 0.5)).toBeLessThan(0.03);
  });

  it('is none for a prompt without variants', () => {
    expect(variantOf({ ...prompt([1, 1]), variants: undefined } as Prompt, 'a')).toBeUndefined();
  });

  it('merges a variant’s content over the prompt’s, and a survey variant’s questions instead of its own', () => {
    const base = prompt([1, 1]);
    expect(withVariant(base, base.variants![1]).content).toEqual({ question: 'Question 1', thanks: 'Thanks!' });
    const survey: Prompt = {
      id: 's',
      kind: 'survey',
      trigger: { on: 'x' },
      content: { title: 'Hi' },
      questions: [{ id: 'a', type: 'text', text: 'A?' }],
      variants: [{ id: 'same' }, { id: 'other', questions: [{ id: 'b', type: 'text', text: 'B?' }] }],
    };
    expect(withVariant(survey, survey.variants![0])).toMatchObject({ content: { title: 'Hi' }, questions: [{ id: 'a' }] });
    expect(withVariant(survey, survey.variants![1])).toMatchObject({ content: { title: 'Hi' }, questions: [{ id: 'b' }] });
  });
});

describe('a prompt with variants in the controller', () => {
  const config: Config = { version: 1, prompts: [prompt([1, 1])] };
  const visitorOf = (variant: string) => ids.find((id) => variantOf(config.prompts![0]!, id)!.id === variant)!;

  it('shows this visitor’s variant and records it on the impression, the answer and the dismissal', async () => {
    for (const variant of ['v0', 'v1']) {
      const { fire, host, recorded, controller } = setup(config, { anonymousId: visitorOf(variant) });
      await fire('order');
      expect(host.props.prompt.content).toMatchObject({ question: variant === 'v0' ? 'Question 0' : 'Question 1' });
      expect(controller.explain('recommend')?.variant).toBe(variant);
      host.props.onAnswer({ score: 9 }, false);
      host.props.onDismiss('close');
      expect(recorded.map(({ name, props }) => [name, props.variant])).toEqual([
        ['$prompt_shown', variant],
        ['$prompt_answered', variant],
        ['$prompt_answered', variant],
      ]);
    }
  });

  it('scores a quiz variant on its own questions, and says which variant it was', async () => {
    const quiz: Prompt = {
      id: 'quiz',
      kind: 'quiz',
      trigger: { on: 'read' },
      questions: [{ id: 'a', type: 'single', text: 'A?', choices: ['x', 'y'], correct: ['x'] }],
      variants: [
        { id: 'one', weight: 1e-9 },
        {
          id: 'two',
          weight: 1000,
          questions: [
            { id: 'b', type: 'single', text: 'B?', choices: ['x', 'y'], correct: ['y'] },
            { id: 'c', type: 'single', text: 'C?', choices: ['x', 'y'], correct: ['y'] },
          ],
        },
      ],
    };
    const { fire, host, recorded } = setup({ version: 1, prompts: [quiz] });
    await fire('read');
    host.props.onAnswer({ choices: ['y'], questionId: 'b' }, false);
    host.props.onAnswer({ choices: ['x'], questionId: 'c' }, true);
    expect(recorded.filter(({ name }) => name === '$prompt_answered').map(({ props }) => [props.questionId, props.correct, props.variant])).toEqual([
      ['b', true, 'two'],
      ['c', false, 'two'],
    ]);
    expect(recorded.at(-1)).toMatchObject({ name: '$quiz_completed', props: { score: 1, max: 2, variant: 'two' } });
  });

  it('records a dismissal with its variant, and nothing about variants for a prompt without them', async () => {
    const { fire, host, recorded } = setup(config, { anonymousId: visitorOf('v1') });
    await fire('order');
    host.props.onDismiss('escape');
    expect(recorded.at(-1)).toMatchObject({ name: '$prompt_dismissed', props: { variant: 'v1', reason: 'escape' } });
    const plain = setup({ version: 1, prompts: [{ ...prompt([1, 1]), variants: undefined } as Prompt] });
    await plain.fire('order');
    expect('variant' in plain.recorded[0]!.props).toBe(false);
  });
});
