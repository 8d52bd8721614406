import { afterEach, describe, expect, it } from 'vitest';
import type { Config, Prompt } from '../../src/config/schema.js';
import { settle, setup } from './harness.js';
import { onboardingSurvey } from './survey-fixture.js';

const nps = (extra: Partial<Prompt> = {}): Prompt =>
  ({ id: 'nps', kind: 'nps', trigger: { on: 'purchase' }, content: { question: 'How likely…?' }, ...extra }) as Prompt;
const config: Config = { version: 1, prompts: [nps(), nps({ id: 'csat', trigger: { on: 'ticket_closed' } })] };
/** BroadcastChannel delivers on a later task. */
const delivered = () => new Promise((resolve) => setTimeout(resolve, 20));
const shown = (sdk: ReturnType<typeof setup>) => sdk.host.shows.map((props) => props.prompt.id);

type Callback = (lock: { name: string } | null) => unknown;
/**
 * Web Locks as the spec describes them, for one process: `ifAvailable` grants or passes null at
 * once; any other request waits for the holder to let go, and requests are granted in order.
 */
function installLocks() {
  const held = new Set<string>();
  const waiting: Array<() => void> = [];
  const grant = (name: string, callback: Callback) => {
    held.add(name);
    return Promise.resolve(callback({ name })).finally(() => {
      held.delete(name);
      waiting.shift()?.();
    });
  };
  const locks = {
    request(name: string, options: { ifAvailable?: boolean }, callback: Callback) {
      if (!held.has(name)) return grant(name, callback);
      if (options.ifAvailable) return Promise.resolve(callback(null));
      return new Promise((resolve) => waiting.push(() => resolve(grant(name, callback))));
    },
  };
  Object.defineProperty(navigator, 'locks', { value: locks, configurable: true });
  return held;
}
afterEach(() => void Object.defineProperty(navigator, 'locks', { value: null, configurable: true }));

describe('prompt queue across tabs', () => {
  it('waits for a prompt on screen in another tab, then shows when it closes there', async () => {
    const namespace = `queue-${Math.random()}`;
    const first = setup(config, { namespace });
    const second = setup(config, { namespace });
    await first.fire('purchase');
    await delivered();
    await second.fire('ticket_closed');
    expect(second.logs).toContain('prompt "csat": queued for up to 60 s');
    expect(second.controller.explain('csat').gates[0]?.reason).toMatch(
      /^trigger: on "ticket_closed" \(queued: waiting for "nps" to close, expires in \d+ seconds\)$/,
    );
    first.host.props.onDismiss('close');
    await delivered();
    await settle();
    expect([shown(first), shown(second)]).toEqual([['nps'], ['csat']]);
  });

  it('with Web Locks, takes its turn once this tab lets go of the lock, not before', async () => {
    const held = installLocks();
    const sdk = setup({ version: 1, prompts: [nps(), nps({ id: 'csat' })] });
    await sdk.fire('purchase');
    expect(held.size).toBe(1);
    sdk.host.props.onDismiss('close');
    await settle();
    expect(shown(sdk)).toEqual(['nps', 'csat']);
    expect(sdk.logs).not.toContain('prompt "csat": not shown (one at a time: a prompt is showing in another tab)');
    expect(held.size).toBe(1);
  });

  it('with Web Locks, a prompt that lost the lock to another tab queues and shows when that tab lets go', async () => {
    installLocks();
    const namespace = `queue-${Math.random()}`;
    const first = setup(config, { namespace });
    const second = setup(config, { namespace });
    // The second tab has not heard of the first's prompt yet: its gates pass, the lock does not.
    await Promise.all([first.fire('purchase'), second.fire('ticket_closed')]);
    expect(second.logs.slice(-2)).toEqual([
      'prompt "csat": queued for up to 60 s',
      'prompt "csat": not shown (one at a time: a prompt is showing in another tab)',
    ]);
    first.host.props.onDismiss('close');
    await settle();
    expect(shown(second)).toEqual(['csat']);
  });

  it('leaves the queue when the same prompt opens in another tab, or is shown here', async () => {
    const namespace = `queue-${Math.random()}`;
    const first = setup({ version: 1, prompts: [nps({ id: 'csat', trigger: { on: 'ticket_closed' } })] }, { namespace });
    const second = setup(config, { namespace });
    await second.fire('purchase');
    await second.fire('ticket_closed');
    await first.fire('ticket_closed');
    await delivered();
    expect(second.logs.at(-1)).toBe('prompt "csat": left the queue, it opened in another tab');

    const sdk = setup({ version: 1, prompts: [nps(), nps({ id: 'csat' })] });
    await sdk.fire('purchase');
    sdk.host.props.onDismiss('close');
    sdk.controller.show('csat', { force: true });
    await settle();
    expect(shown(sdk)).toEqual(['nps', 'csat']);
    expect(sdk.logs.filter((line) => line.startsWith('prompt "csat": left the queue'))).toEqual(['prompt "csat": left the queue, it is showing']);
  });
});

describe('a survey resumed while another tab shows a prompt', () => {
  it('waits its turn, then comes back with its progress and submission, without a second impression', async () => {
    installLocks();
    const namespace = `resume-queue-${Math.random()}`;
    const other = setup({ version: 1, prompts: [nps(), onboardingSurvey] }, { namespace });
    await other.fire('purchase');
    // This tab reloads part way through the survey while the other tab holds the lock.
    const progress = { promptId: 'onboarding', submissionId: 'submission-1', path: ['score', 'why'], answers: { score: { score: 4 } } };
    sessionStorage.setItem(`waymark:${namespace}:survey`, JSON.stringify(progress));
    const reloaded = setup({ version: 1, prompts: [nps(), onboardingSurvey] }, { namespace });
    await settle();
    expect(shown(reloaded)).toEqual([]);
    expect(reloaded.logs).toContain('prompt "onboarding": queued for up to 60 s');
    other.host.props.onDismiss('close');
    await settle();
    expect(shown(reloaded)).toEqual(['onboarding']);
    expect(reloaded.host.props.resume).toEqual({ path: ['score', 'why'], answers: { score: { score: 4 } } });
    expect(reloaded.recorded.filter(({ name }) => name === '$prompt_shown')).toEqual([]);
    reloaded.host.props.onAnswer({ comment: 'slow', questionId: 'why' }, true);
    expect(reloaded.recorded.at(-1)).toMatchObject({ name: '$prompt_answered', props: { submissionId: 'submission-1', questionId: 'why', complete: true } });
    sessionStorage.clear();
  });
});
