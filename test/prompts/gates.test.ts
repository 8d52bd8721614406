import { describe, expect, it } from 'vitest';
import type { Config, Prompt } from '../../src/config/schema.js';
import { checkGates } from '../../src/prompts/gates.js';
import { DAY, HOUR, history, makeFacts, NOW } from './facts.js';

const prompt = (extra: Partial<Prompt> = {}): Prompt =>
  ({ id: 'nps', kind: 'nps', trigger: { on: 'purchase' }, content: { question: 'How likely…?' }, ...extra }) as Prompt;
const config = (extra: Partial<Config> = {}): Config => ({ version: 1, ...extra });
const gate = (reports: ReturnType<typeof checkGates>, name: string) => reports.find((report) => report.gate === name);

describe('gates', () => {
  it('reports if, schedule, sample and answered for a bare prompt, all passing, in order', () => {
    const reports = checkGates(prompt(), config(), makeFacts(), 'visitor');
    expect(reports).toEqual([
      { gate: 'if', pass: true, reason: 'if: no condition' },
      { gate: 'schedule', pass: true, reason: 'schedule: running' },
      { gate: 'sample', pass: true, reason: 'sample: everyone' },
      { gate: 'answered', pass: true, reason: 'answered: not answered yet' },
    ]);
  });

  it('orders every configured gate: if, schedule, sample, frequency, then global limits', () => {
    const reports = checkGates(
      prompt({ if: { stage: { eq: 'retention' } }, sample: 0.5, frequency: { once: true, cooldownDays: 1, maxShows: 2, afterDismissDays: 3 } }),
      config({ limits: { cooldownHours: 1, maxPerSession: 1 } }),
      makeFacts(),
      'visitor',
    );
    expect(reports.map((report) => report.gate)).toEqual([
      'if',
      'schedule',
      'sample',
      'once',
      'cooldown',
      'maxShows',
      'afterDismiss',
      'answered',
      'global cooldown',
      'session cap',
    ]);
  });

  describe('if', () => {
    it('passes when the condition holds and names the failing leaves when it does not', () => {
      const condition = { all: [{ path: { startsWith: '/cart' } }, { points: { gte: 200 } }, { device: { eq: 'desktop' } }] };
      expect(
        gate(checkGates(prompt({ if: condition }), config(), makeFacts({ page: { ...makeFacts().page, path: '/cart/1' }, points: 250 }), 'v'), 'if'),
      ).toEqual({ gate: 'if', pass: true, reason: 'if: holds' });
      const failed = gate(checkGates(prompt({ if: condition }), config(), makeFacts({ points: 120 }), 'v'), 'if');
      expect(failed?.pass).toBe(false);
      expect(failed?.reason).toMatch(/^if: path is "\/", needs startsWith "\/cart"; points is 120, needs ≥ 200$/);
    });
  });

  describe('schedule', () => {
    const scheduled = prompt({ schedule: { start: '2026-06-10T00:00:00Z', end: '2026-06-20T00:00:00Z' } });
    const at = (iso: string) => gate(checkGates(scheduled, config(), makeFacts({ now: Date.parse(iso) }), 'v'), 'schedule');

    it('is open from start (inclusive) to end (exclusive)', () => {
      expect(at('2026-06-09T23:59:59.999Z')).toEqual({ gate: 'schedule', pass: false, reason: 'schedule: starts in 1 second' });
      expect(at('2026-06-10T00:00:00.000Z')?.pass).toBe(true);
      expect(at('2026-06-19T23:59:59.999Z')).toEqual({ gate: 'schedule', pass: true, reason: 'schedule: running' });
      expect(at('2026-06-20T00:00:00.000Z')).toEqual({ gate: 'schedule', pass: false, reason: 'schedule: ended 0 seconds ago' });
      expect(at('2026-06-01T00:00:00Z')?.reason).toBe('schedule: starts in 9 days');
      expect(at('2026-06-23T06:00:00Z')?.reason).toBe('schedule: ended 3 days ago');
    });

    it('takes only a start or only an end, and reads a time without offset as local time', () => {
      const onlyStart = prompt({ schedule: { start: '2026-06-15T12:00:00' } });
      const local = new Date(2026, 5, 15, 12).getTime();
      expect(gate(checkGates(onlyStart, config(), makeFacts({ now: local - 1 }), 'v'), 'schedule')?.pass).toBe(false);
      expect(gate(checkGates(onlyStart, config(), makeFacts({ now: local }), 'v'), 'schedule')).toEqual({
        gate: 'schedule',
        pass: true,
        reason: 'schedule: running',
      });
      const onlyEnd = prompt({ schedule: { end: '2026-06-15T12:00:00+02:00' } });
      expect(gate(checkGates(onlyEnd, config(), makeFacts({ now: Date.parse('2026-06-15T10:00:00Z') }), 'v'), 'schedule')?.pass).toBe(false);
      expect(gate(checkGates(onlyEnd, config(), makeFacts({ now: Date.parse('2026-06-15T09:59:59Z') }), 'v'), 'schedule')?.pass).toBe(true);
    });
  });

  describe('frequency', () => {
    const facts = (partial: Parameters<typeof history>[0], now = NOW) => makeFacts({ now, prompts: { nps: history(partial) } });

    it('once: passes until the first impression', () => {
      const once = prompt({ frequency: { once: true } });
      expect(gate(checkGates(once, config(), facts({}), 'v'), 'once')).toEqual({ gate: 'once', pass: true, reason: 'once: not shown yet' });
      expect(gate(checkGates(once, config(), facts({ shown: 1, lastShownAt: NOW - 3 * DAY }), 'v'), 'once')).toEqual({
        gate: 'once',
        pass: false,
        reason: 'once: already shown 3 days ago',
      });
    });

    it('cooldownDays: closed until exactly N days after the last impression', () => {
      const cooldown = prompt({ frequency: { cooldownDays: 90 } });
      const shownAt = NOW - 2 * DAY;
      expect(gate(checkGates(cooldown, config(), facts({ shown: 1, lastShownAt: shownAt }), 'v'), 'cooldown')).toEqual({
        gate: 'cooldown',
        pass: false,
        reason: 'cooldown: shown 2 days ago, 88 days left',
      });
      expect(gate(checkGates(cooldown, config(), facts({ shown: 1, lastShownAt: shownAt }, shownAt + 90 * DAY - 1), 'v'), 'cooldown')).toEqual({
        gate: 'cooldown',
        pass: false,
        reason: 'cooldown: shown 89 days ago, 1 second left',
      });
      expect(gate(checkGates(cooldown, config(), facts({ shown: 1, lastShownAt: shownAt }, shownAt + 90 * DAY), 'v'), 'cooldown')).toEqual({
        gate: 'cooldown',
        pass: true,
        reason: 'cooldown: shown 90 days ago, wait is over',
      });
      expect(gate(checkGates(cooldown, config(), facts({}), 'v'), 'cooldown')).toEqual({ gate: 'cooldown', pass: true, reason: 'cooldown: never shown' });
    });

    it('cooldownDays: fractional days, and 0 never blocks', () => {
      const halfDay = prompt({ frequency: { cooldownDays: 0.5 } });
      expect(gate(checkGates(halfDay, config(), facts({ shown: 1, lastShownAt: NOW - 11 * HOUR }), 'v'), 'cooldown')?.reason).toBe(
        'cooldown: shown 11 hours ago, 1 hour left',
      );
      expect(gate(checkGates(halfDay, config(), facts({ shown: 1, lastShownAt: NOW - 12 * HOUR }), 'v'), 'cooldown')?.pass).toBe(true);
      const none = prompt({ frequency: { cooldownDays: 0 } });
      expect(gate(checkGates(none, config(), facts({ shown: 1, lastShownAt: NOW }), 'v'), 'cooldown')?.pass).toBe(true);
    });

    it('maxShows: N impressions, then no more', () => {
      const capped = prompt({ frequency: { maxShows: 3 } });
      expect(gate(checkGates(capped, config(), facts({ shown: 2, lastShownAt: NOW }), 'v'), 'maxShows')).toEqual({
        gate: 'maxShows',
        pass: true,
        reason: 'maxShows: shown 2 of 3 times',
      });
      expect(gate(checkGates(capped, config(), facts({ shown: 3, lastShownAt: NOW }), 'v'), 'maxShows')).toEqual({
        gate: 'maxShows',
        pass: false,
        reason: 'maxShows: shown 3 of 3 times',
      });
    });

    it('afterDismissDays: counts from the last dismissal, to the millisecond', () => {
      const patient = prompt({ frequency: { afterDismissDays: 14 } });
      const dismissedAt = NOW - DAY;
      expect(gate(checkGates(patient, config(), facts({ dismissed: 1, lastDismissedAt: dismissedAt }), 'v'), 'afterDismiss')).toEqual({
        gate: 'afterDismiss',
        pass: false,
        reason: 'afterDismiss: dismissed 1 day ago, 13 days left',
      });
      expect(
        gate(checkGates(patient, config(), facts({ dismissed: 1, lastDismissedAt: dismissedAt }, dismissedAt + 14 * DAY - 1), 'v'), 'afterDismiss')?.pass,
      ).toBe(false);
      expect(
        gate(checkGates(patient, config(), facts({ dismissed: 1, lastDismissedAt: dismissedAt }, dismissedAt + 14 * DAY), 'v'), 'afterDismiss')?.pass,
      ).toBe(true);
      // Shown but never dismissed: nothing to wait for.
      expect(gate(checkGates(patient, config(), facts({ shown: 1, lastShownAt: NOW }), 'v'), 'afterDismiss')?.reason).toBe('afterDismiss: never dismissed');
    });

    it('stops after an answer unless repeat is on', () => {
      const answered = facts({ shown: 1, answered: 1, lastShownAt: NOW - 5 * DAY, lastAnsweredAt: NOW - 5 * DAY });
      expect(gate(checkGates(prompt(), config(), answered, 'v'), 'answered')).toEqual({
        gate: 'answered',
        pass: false,
        reason: 'answered: answered 5 days ago; set frequency.repeat to ask again',
      });
      expect(gate(checkGates(prompt({ frequency: { repeat: true } }), config(), answered, 'v'), 'answered')).toEqual({
        gate: 'answered',
        pass: true,
        reason: 'answered: answered before, and repeat is on',
      });
    });
  });

  describe('global limits', () => {
    it('cooldownHours: since any prompt, to the millisecond', () => {
      const limited = config({ limits: { cooldownHours: 72 } });
      const at = (lastPromptShownAt: number | null) => gate(checkGates(prompt(), limited, makeFacts({ lastPromptShownAt }), 'v'), 'global cooldown');
      expect(at(NOW - 5 * HOUR)).toEqual({ gate: 'global cooldown', pass: false, reason: 'global cooldown: a prompt was shown 5 hours ago, 3 days left' });
      expect(at(NOW - 72 * HOUR + 1)).toEqual({
        gate: 'global cooldown',
        pass: false,
        reason: 'global cooldown: a prompt was shown 2 days ago, 1 second left',
      });
      expect(at(NOW - 72 * HOUR)?.pass).toBe(true);
      expect(at(null)).toEqual({ gate: 'global cooldown', pass: true, reason: 'global cooldown: no prompt shown yet' });
    });

    it('maxPerSession: the Nth prompt of a session is the last', () => {
      const capped = config({ limits: { maxPerSession: 2 } });
      const at = (promptsShownThisSession: number) => gate(checkGates(prompt(), capped, makeFacts({ promptsShownThisSession }), 'v'), 'session cap');
      expect(at(1)).toEqual({ gate: 'session cap', pass: true, reason: 'session cap: 1 of 2 prompts shown this session' });
      expect(at(2)).toEqual({ gate: 'session cap', pass: false, reason: 'session cap: 2 of 2 prompts shown this session' });
      expect(gate(checkGates(prompt(), config({ limits: { maxPerSession: 0 } }), makeFacts(), 'v'), 'session cap')?.pass).toBe(false);
    });
  });
});
