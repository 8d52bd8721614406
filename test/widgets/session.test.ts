import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WidgetAnswer, WidgetProps } from '../../widgets/contract.js';
import { createSession, PARTIAL_COALESCE_MS } from '../../widgets/session.js';

const setup = (overrides: Partial<WidgetProps> = {}) => {
  const calls: unknown[][] = [];
  const ended = { count: 0 };
  const props = {
    onAnswer: (answer: WidgetAnswer, complete: boolean) => calls.push(['answer', answer, complete]),
    onDismiss: (reason: string) => calls.push(['dismiss', reason]),
    onRedeem: (offerId: string) => calls.push(['redeem', offerId]),
    ...overrides,
  } as WidgetProps;
  return { calls, ended, session: createSession(props, () => ended.count++) };
};

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

describe('widget session', () => {
  it('sends the first partial answer at once and coalesces the next ones', () => {
    const { calls, session } = setup();
    session.answer({ score: 1 }, false);
    session.answer({ score: 2 }, false);
    session.answer({ score: 3 }, false);
    expect(calls).toEqual([['answer', { score: 1 }, false]]);
    vi.advanceTimersByTime(PARTIAL_COALESCE_MS);
    expect(calls).toEqual([
      ['answer', { score: 1 }, false],
      ['answer', { score: 3 }, false],
    ]);
  });

  it('completion replaces a pending partial and ends reporting', () => {
    const { calls, session } = setup();
    session.answer({ score: 1 }, false);
    session.answer({ score: 2 }, false);
    session.answer({ score: 2, comment: 'ok' }, true);
    vi.advanceTimersByTime(PARTIAL_COALESCE_MS * 2);
    session.answer({ score: 5 }, false);
    session.dismiss('close');
    session.redeem('x');
    expect(calls).toEqual([
      ['answer', { score: 1 }, false],
      ['answer', { score: 2, comment: 'ok' }, true],
    ]);
  });

  it('a dismissal flushes the pending partial first, reports once, and always ends', () => {
    const { calls, ended, session } = setup();
    session.answer({ score: 1 }, false);
    session.answer({ score: 4 }, false);
    session.dismiss('escape');
    session.dismiss('close');
    expect(calls).toEqual([
      ['answer', { score: 1 }, false],
      ['answer', { score: 4 }, false],
      ['dismiss', 'escape'],
    ]);
    expect(ended.count).toBe(2);
  });

  it('a throwing controller callback does not escape', () => {
    const { session } = setup({
      onAnswer: () => {
        throw new Error('boom');
      },
    });
    expect(() => session.answer({ score: 1 }, true)).not.toThrow();
  });
});
