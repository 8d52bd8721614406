import { describe, expect, it } from 'vitest';
import { validateConfig, type ValidationResult } from '../../src/config/validate.js';
import { journeyConfig } from './journey-fixtures.js';

const messages = (result: ValidationResult) => (result.ok ? [] : result.errors.map((error) => `${error.path}: ${error.message}`));
const withRewards = (rewards: object, extra: object = {}) =>
  validateConfig({ ...journeyConfig(), ...extra, rewards: { ...journeyConfig().rewards, ...rewards } });

describe('config: challenges, streaks, expiry and referrals', () => {
  it('accepts the documented shapes', () => {
    const result = withRewards(
      {
        authority: 'server',
        streaks: [
          {
            id: 'daily',
            on: '$page_view',
            period: 'day',
            milestones: [
              { length: 3, points: 10 },
              { length: 7, points: 50 },
            ],
            allowMissed: 1,
            breakOn: 'refund',
          },
        ],
        expiry: { afterDays: 365, from: 'earned', soonDays: 30 },
        referrals: { on: 'purchase', where: { amount: { gte: 20 } }, points: 200, limit: { lifetime: 10 } },
      },
      {
        prompts: [
          {
            id: 'p',
            kind: 'reward',
            challenge: 'first-order',
            trigger: { on: '$challenge_progress' },
            content: { title: '{progress}% done' },
          },
        ],
      },
    );
    expect(messages(result)).toEqual([]);
  });

  it('rejects unknown keys and bad values with their paths', () => {
    const result = withRewards({
      challenges: [{ id: 'c', steps: [], points: -1, withinDay: 3 }],
      streaks: [{ id: 's', on: 'x', period: 'month', milestones: [{ length: 0, points: 1 }] }],
      expiry: { afterDays: 0, from: 'never' },
    });
    expect(messages(result)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^rewards\.challenges\[0\]\.steps: /),
        expect.stringMatching(/^rewards\.challenges\[0\]\.points: /),
        expect.stringMatching(/^rewards\.challenges\[0\]\.withinDay: /),
        expect.stringMatching(/^rewards\.streaks\[0\]\.period: /),
        expect.stringMatching(/^rewards\.streaks\[0\]\.milestones\[0\]\.length: /),
        expect.stringMatching(/^rewards\.expiry\.afterDays: /),
        expect.stringMatching(/^rewards\.expiry\.from: /),
      ]),
    );
  });

  it('checks what the shape cannot: shared ids, references, order, authority', () => {
    const result = withRewards(
      {
        challenges: [{ id: 'spend', steps: [{ event: 'x', where: { a: { regex: '(' } } }], points: 1, startIf: { stage: { atLeast: 'vip' } } }],
        streaks: [
          {
            id: 's',
            on: 'x',
            period: 'day',
            milestones: [
              { length: 5, points: 1 },
              { length: 3, points: 1 },
            ],
          },
        ],
        expiry: { afterDays: 10, soonDays: 20 },
        referrals: { on: 'purchase', points: 5 },
      },
      { prompts: [{ id: 'p', kind: 'reward', challenge: 'nope', trigger: { on: 'x' }, content: { title: 't' } }] },
    );
    expect(messages(result)).toEqual(
      expect.arrayContaining([
        'rewards.challenges[0].id: id "spend" is already used in rewards.rules',
        expect.stringMatching(/^rewards\.challenges\[0\]\.steps\[0\]\.where\.a\.regex: invalid regular expression/),
        'rewards.challenges[0].startIf.stage.atLeast: stage "vip" is not defined in stages',
        'rewards.streaks[0].milestones: milestones must be listed in ascending order of `length`, each longer than the last',
        'rewards.expiry.soonDays: must not be more than afterDays',
        'rewards.referrals: referrals need "authority": "server" in rewards: only the collector can verify them',
        'prompts[0].challenge: challenge "nope" is not defined in rewards.challenges',
      ]),
    );
  });
});

describe('config warnings for the journey rewards', () => {
  it('know the records they make, and flag lookalike events in steps, streaks and referrals', () => {
    const result = withRewards(
      {
        authority: 'server',
        challenges: [{ id: 'c', steps: [{ event: 'page_view' }], points: 1 }],
        streaks: [{ id: 's', on: '$pageview', period: 'day', milestones: [{ length: 2, points: 1 }] }],
        referrals: { on: 'exit_intent', points: 1 },
      },
      { prompts: [{ id: 'p', kind: 'reward', challenge: 'c', trigger: { on: '$challenge_completed' }, content: { title: 't' } }] },
    );
    expect(result.ok).toBe(true);
    expect(result.warnings.map((warning) => warning.path)).toEqual(['rewards.challenges[0].steps[0].event', 'rewards.streaks[0].on', 'rewards.referrals.on']);
  });
});
