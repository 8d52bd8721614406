import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PollPrompt, PollResults } from '../../widgets/contract.js';
import * as surveyChunk from '../../widgets/survey/index.js';
import { mountPrompt, trigger } from './helpers.js';

afterEach(() => void (document.body.innerHTML = ''));

const poll = (content: Partial<PollPrompt['content']> = {}): PollPrompt => ({
  id: 'next-flavour',
  kind: 'poll',
  trigger,
  content: { question: 'Which flavour next?', choices: [{ en: 'Hazelnut', fr: 'Noisette' }, 'Caramel', 'Cardamom'], thanks: 'Thanks for voting!', ...content },
});

/** Lets the results' promise settle and preact render what it brings. */
const settle = () =>
  act(async () => {
    for (let n = 0; n < 5; n++) await Promise.resolve();
  });

/** The results as a collector would serve them, from a data: URL (no server to stand in for). */
const served = (results: PollResults | string) =>
  `data:application/json,${encodeURIComponent(typeof results === 'string' ? results : JSON.stringify(results))}`;
const mountPoll = (prompt: PollPrompt, pollResultsUrl?: string, locale = 'en') =>
  mountPrompt(prompt, { options: { kind: surveyChunk }, locale, ...(pollResultsUrl ? { pollResultsUrl } : {}) });
const vote = (widget: ReturnType<typeof mountPoll>) => widget.$$('.wm-button').at(-1)!;

describe('poll widget', () => {
  it('records one complete answer on Vote, then shows each choice’s share with the visitor’s vote counted', async () => {
    const widget = mountPoll(poll(), served({ votes: 3, choices: { Hazelnut: 1, Caramel: 2 } }));
    expect((vote(widget) as HTMLButtonElement).disabled).toBe(true);
    widget.click(widget.radios()[0]!);
    widget.click(vote(widget));
    expect(widget.answers).toEqual([[{ choices: ['Hazelnut'] }, true]]);
    await settle();
    const shares = widget.$$('.wm-shares li').map((item) => item.textContent);
    // 4 voters: Hazelnut 2 (50 %), Caramel 2 (50 %), Cardamom 0.
    expect(shares).toEqual(['Hazelnut 50% (your vote)', 'Caramel 50%', 'Cardamom 0%']);
    expect(widget.$('[role=status]').textContent).toBe('Votes: 4');
    expect(widget.focused()?.id).toBe('h');
  });

  it('asks for the counts as it opens, before the vote is sent, so the vote it adds is never counted twice', async () => {
    const fetches = vi.spyOn(globalThis, 'fetch');
    const widget = mountPoll(poll(), served({ votes: 1, choices: { Caramel: 1 } }));
    expect(fetches).toHaveBeenCalledTimes(1);
    widget.click(widget.radios()[1]!);
    widget.click(vote(widget));
    await settle();
    expect(fetches).toHaveBeenCalledTimes(1);
    fetches.mockRestore();
    expect(widget.$$('.wm-shares li').map((item) => item.textContent)).toEqual(['Hazelnut 0%', 'Caramel 100% (your vote)', 'Cardamom 0%']);
    expect(widget.$('[role=status]').textContent).toBe('Votes: 2');
  });

  it('counts a multiple-choice vote once per voter and once per choice', async () => {
    const widget = mountPoll(poll({ multiple: true }), served({ votes: 1, choices: { Cardamom: 1 } }));
    widget.click(widget.$$('[role=checkbox]')[1]!);
    widget.click(widget.$$('[role=checkbox]')[2]!);
    widget.click(vote(widget));
    expect(widget.answers).toEqual([[{ choices: ['Caramel', 'Cardamom'] }, true]]);
    await settle();
    expect(widget.$$('.wm-shares li').map((item) => item.textContent)).toEqual(['Hazelnut 0%', 'Caramel 50% (your vote)', 'Cardamom 100% (your vote)']);
  });

  it('thanks the visitor when the endpoint serves no results, fails, or the poll asks for none', async () => {
    for (const [prompt, results] of [
      [poll(), served('{"error":"no poll"}')],
      [poll(), served('<html>not a collector</html>')],
      [poll({ results: false }), served({ votes: 9, choices: {} })],
      [poll(), undefined],
    ] as const) {
      const widget = mountPoll(prompt, results);
      widget.click(widget.radios()[1]!);
      widget.click(vote(widget));
      await settle();
      expect(widget.$('.wm-thanks').textContent).toBe('Thanks for voting!');
      expect(widget.answers).toEqual([[{ choices: ['Caramel'] }, true]]);
      widget.close();
    }
  });

  it('speaks the visitor’s language and reports the default-locale label', async () => {
    const widget = mountPoll(poll(), served({ votes: 0, choices: {} }), 'fr');
    expect(widget.radios()[0]!.textContent).toBe('Noisette');
    expect(vote(widget).textContent).toBe('Voter');
    widget.click(widget.radios()[0]!);
    widget.click(vote(widget));
    expect(widget.answers).toEqual([[{ choices: ['Hazelnut'] }, true]]);
    await settle();
    expect(widget.$$('.wm-shares li')[0]!.textContent).toBe('Noisette 100 % (votre vote)');
  });

  it('votes once, however often the button is pressed', async () => {
    const widget = mountPoll(poll(), served({ votes: 0, choices: {} }));
    widget.click(widget.radios()[2]!);
    const button = vote(widget);
    widget.click(button);
    widget.click(button);
    await settle();
    expect(widget.answers).toHaveLength(1);
    expect(widget.$$('.wm-shares li')[2]!.textContent).toBe('Cardamom 100% (your vote)');
  });
});
