import { describe, expect, it } from 'vitest';
import type { Prompt } from '../../src/config/schema.js';
import { answerProps } from '../../src/prompts/answers.js';
import { span } from '../../src/prompts/durations.js';

describe('answer props', () => {
  it('carries the band for nps and scale, max and metric for ratings', () => {
    const nps = { id: 'n', kind: 'nps', trigger: { on: 'x' }, content: { question: 'q' } } as Prompt;
    expect(answerProps(nps, 's1', { score: 7 }, false)).toEqual({ promptId: 'n', kind: 'nps', submissionId: 's1', complete: false, score: 7, band: 'passive' });
    const stars = { id: 'r', kind: 'rating', trigger: { on: 'x' }, metric: 'csat', content: { question: 'q' } } as Prompt;
    expect(answerProps(stars, 's2', { score: 4, comment: 'ok' }, true)).toEqual({
      promptId: 'r',
      kind: 'rating',
      submissionId: 's2',
      complete: true,
      score: 4,
      scale: 'stars',
      max: 5,
      metric: 'csat',
      comment: 'ok',
    });
    const thumbs = { id: 't', kind: 'rating', scale: 'thumbs', trigger: { on: 'x' }, content: { question: 'q' } } as Prompt;
    // docs/prompts-and-widgets.md: ratings without a `metric` count as CSAT, so the record says so (issue 11).
    expect(answerProps(thumbs, 's3', { score: 2 }, true)).toMatchObject({ scale: 'thumbs', max: 2, metric: 'csat' });
    const emoji = { id: 'e', kind: 'rating', scale: 'emoji', max: 3, trigger: { on: 'x' }, content: { question: 'q' } } as Prompt;
    expect(answerProps(emoji, 's4', { score: 3 }, true)).toMatchObject({ scale: 'emoji', max: 3 });
  });

  it('carries exit choices and other text, and leaves out what is empty', () => {
    const exit = { id: 'x', kind: 'exit', trigger: { on: 'x' }, content: { question: 'q', choices: ['Price'] } } as Prompt;
    expect(answerProps(exit, 's', { choices: ['Price'], other: 'too slow', comment: '' }, true)).toEqual({
      promptId: 'x',
      kind: 'exit',
      submissionId: 's',
      complete: true,
      choices: ['Price'],
      other: 'too slow',
    });
    expect(answerProps(exit, 's', { choices: [] }, true)).toEqual({ promptId: 'x', kind: 'exit', submissionId: 's', complete: true });
  });

  it("a survey's answer names its question and is scored as that question's type", () => {
    const survey = {
      id: 'sv',
      kind: 'survey',
      trigger: { on: 'x' },
      questions: [
        { id: 'score', type: 'nps', text: 'q' },
        { id: 'thumbs', type: 'rating', scale: 'thumbs', text: 'q' },
        { id: 'why', type: 'text', text: 'q' },
      ],
    } as Prompt;
    const base = { promptId: 'sv', kind: 'survey', submissionId: 's' };
    expect(answerProps(survey, 's', { score: 3, questionId: 'score' }, false)).toEqual({
      ...base,
      complete: false,
      questionId: 'score',
      score: 3,
      band: 'detractor',
    });
    expect(answerProps(survey, 's', { score: 2, questionId: 'thumbs' }, false)).toEqual({
      ...base,
      complete: false,
      questionId: 'thumbs',
      score: 2,
      scale: 'thumbs',
      max: 2,
      metric: 'csat',
    });
    expect(answerProps(survey, 's', { comment: 'slow', questionId: 'why' }, true)).toEqual({ ...base, complete: true, questionId: 'why', comment: 'slow' });
    const quiz = {
      id: 'qz',
      kind: 'quiz',
      trigger: { on: 'x' },
      questions: [{ id: 'q1', type: 'multiple', text: 'q', choices: ['A', 'B', 'C'], correct: ['A', 'C'] }],
    } as Prompt;
    expect(answerProps(quiz, 's', { choices: ['C', 'A'], questionId: 'q1' }, false)).toMatchObject({ questionId: 'q1', correct: true });
    expect(answerProps(quiz, 's', { choices: ['A'], questionId: 'q1' }, false)).toMatchObject({ questionId: 'q1', correct: false });
    // A question the config does not have is not named (and its score is not banded).
    expect(answerProps(survey, 's', { score: 3, questionId: 'nope' }, false)).toEqual({ ...base, complete: false, score: 3 });
  });
});

describe('spans of time', () => {
  it('uses the largest whole unit, rounding elapsed time down and time left up', () => {
    expect(span(2.5 * 86_400_000)).toBe('2 days');
    expect(span(87.5 * 86_400_000, Math.ceil)).toBe('88 days');
    expect(span(86_400_000)).toBe('1 day');
    expect(span(90 * 60_000)).toBe('1 hour');
    expect(span(150_000)).toBe('2 minutes');
    expect(span(999)).toBe('0 seconds');
    expect(span(1, Math.ceil)).toBe('1 second');
  });
});
