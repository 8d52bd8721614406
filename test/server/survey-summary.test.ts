// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/server/index.js';
import type { Props, Touchpoint } from '../../src/types.js';
import { touch } from '../rewards/fixtures.js';

let second = 0;
const next = () => new Date(Date.UTC(2026, 2, 4, 12, 0, second++)).toISOString();
const shown = (submissionId: string) => touch('$prompt_shown', { promptId: 'onboarding', kind: 'survey', submissionId }, next());
const answer = (submissionId: string, questionId: string, values: Props, complete = false): Touchpoint =>
  touch('$prompt_answered', { promptId: 'onboarding', kind: 'survey', submissionId, questionId, complete, ...values }, next());

// Three visitors through "score → (why | features) → stars → bye":
// a: a detractor who explains and ends; b: a promoter who picks features, rates and finishes;
// c: a passive who picks a feature and leaves.
const records = [
  shown('a'),
  answer('a', 'score', { score: 3, band: 'detractor' }),
  answer('a', 'why', { comment: 'Too slow' }, true),
  shown('b'),
  answer('b', 'score', { score: 10, band: 'promoter' }),
  answer('b', 'features', { choices: ['Search', 'Wishlist'], other: 'Gift cards' }),
  answer('b', 'stars', { score: 5, scale: 'stars', max: 5, metric: 'csat' }),
  answer('b', 'bye', {}, true),
  shown('c'),
  answer('c', 'score', { score: 8, band: 'passive' }),
  answer('c', 'features', { choices: ['Search'] }),
  shown('d'),
];

describe('summarize: surveys', () => {
  it('counts a submission once, partial until its last question, and scores each question on its own', () => {
    const survey = summarize(records).prompts.onboarding!;
    expect(survey).toMatchObject({ kind: 'survey', shown: 4, answered: 3, partial: 1, responseRate: 0.75 });
    // The survey itself carries no NPS: its questions do.
    expect(survey.nps).toBeUndefined();
    expect(survey.distribution).toBeUndefined();
    expect(survey.questions?.score).toEqual({
      answered: 3,
      dropOff: 0,
      distribution: { 3: 1, 8: 1, 10: 1 },
      nps: { score: 0, promoters: 1, passives: 1, detractors: 1, total: 3 },
    });
    expect(survey.questions?.features).toEqual({ answered: 2, dropOff: 1, choices: { Search: 2, Wishlist: 1 }, other: ['Gift cards'] });
    expect(survey.questions?.why).toEqual({ answered: 1, dropOff: 0, texts: ['Too slow'] });
    expect(survey.questions?.stars).toEqual({ answered: 1, dropOff: 0, distribution: { 5: 1 }, csat: { score: 100, total: 1 } });
    // An info question's button is no answer.
    expect(survey.questions?.bye).toBeUndefined();
  });

  it('lists the branch paths taken, with how many submissions took each', () => {
    expect(summarize(records).prompts.onboarding?.paths).toEqual({
      'score > why': 1,
      'score > features > stars': 1,
      'score > features': 1,
    });
  });

  it('a question answered again after Back keeps its place and its newer answer; a retried record counts once', () => {
    const first = answer('e', 'score', { score: 2, band: 'detractor' });
    const again = answer('e', 'score', { score: 9, band: 'promoter' });
    const features = answer('e', 'features', { choices: ['Checkout'] }, true);
    const survey = summarize([first, features, again, features, first]).prompts.onboarding!;
    expect(survey.questions?.score?.nps).toEqual({ score: 100, promoters: 1, passives: 0, detractors: 0, total: 1 });
    expect(survey.paths).toEqual({ 'score > features': 1 });
    expect(survey).toMatchObject({ answered: 1, partial: 0 });
  });

  it('ignores a score off its scale, and an answer without a question', () => {
    const survey = summarize([
      answer('f', 'score', { score: 11, band: 'promoter' }),
      answer('f', 'stars', { score: 9, scale: 'stars', max: 5 }),
      touch('$prompt_answered', { promptId: 'onboarding', kind: 'survey', submissionId: 'f', complete: false, comment: 'no question' }, next()),
    ]).prompts.onboarding!;
    expect(survey.questions).toEqual({});
    expect(survey.paths).toEqual({});
  });
});

describe('summarize: quizzes', () => {
  const quizAnswer = (submissionId: string, questionId: string, correct: boolean, complete = false) =>
    touch(
      '$prompt_answered',
      { promptId: 'coffee', kind: 'quiz', submissionId, questionId, choices: [correct ? 'Ethiopia' : 'Brazil'], correct, complete },
      next(),
    );
  const completed = (submissionId: string, score: number) => touch('$quiz_completed', { promptId: 'coffee', submissionId, score, max: 2 }, next());

  it('counts right answers per question and the scores of finished quizzes, each once', () => {
    const quiz = summarize([
      quizAnswer('a', 'origin', true),
      quizAnswer('a', 'brews', true, true),
      completed('a', 2),
      completed('a', 2),
      quizAnswer('b', 'origin', false),
      quizAnswer('b', 'brews', true, true),
      completed('b', 1),
      quizAnswer('c', 'origin', true),
      completed('c', 9),
    ]).prompts.coffee!;
    expect(quiz).toMatchObject({ kind: 'quiz', answered: 3, partial: 1 });
    expect(quiz.questions?.origin).toMatchObject({ answered: 3, right: 2, dropOff: 1 });
    expect(quiz.questions?.brews).toMatchObject({ answered: 2, right: 2 });
    // A score above its max is no score.
    expect(quiz.quiz).toEqual({ completed: 2, meanScore: 1.5, max: 2, scores: { 1: 1, 2: 1 } });
  });
});
