import { afterEach, describe, expect, it } from 'vitest';
import type { Config, Prompt } from '../../src/config/schema.js';
import { createTabSync } from '../../src/prompts/tabs.js';
import { settle, setup } from './harness.js';

const nps = { id: 'nps', kind: 'nps', trigger: { on: 'purchase' }, content: { question: 'How likely…?' } } as Prompt;
const config: Config = { version: 1, prompts: [nps, { ...nps, id: 'later', trigger: { on: 'purchase', delaySeconds: 0.05 } } as Prompt] };
/** BroadcastChannel delivers on a later task. */
const delivered = () => new Promise((resolve) => setTimeout(resolve, 20));

/** Web Locks as the spec describes them, for one process: `ifAvailable` grants or passes null at once. */
function installLocks() {
  const held = new Set<string>();
  const locks = {
    request(name: string, _options: { ifAvailable: boolean }, callback: (lock: { name: string } | null) => unknown) {
      if (held.has(name)) return Promise.resolve(callback(null));
      held.add(name);
      return Promise.resolve(callback({ name })).finally(() => held.delete(name));
    },
  };
  Object.defineProperty(navigator, 'locks', { value: locks, configurable: true });
  return held;
}
afterEach(() => void Object.defineProperty(navigator, 'locks', { value: null, configurable: true }));

describe('one prompt at a time across tabs', () => {
  it('does not show a prompt while another tab shows one, and says so in explain()', async () => {
    const namespace = `tabs-${Math.random()}`;
    const first = setup(config, { namespace });
    const second = setup(config, { namespace });
    await first.fire('purchase');
    await delivered();
    await second.fire('purchase');
    expect(first.host.shows).toHaveLength(1);
    expect(second.host.shows).toHaveLength(0);
    expect(second.controller.explain('nps').gates.at(-1)).toEqual({
      gate: 'one at a time',
      pass: false,
      reason: 'one at a time: "nps" is showing in another tab',
    });
    first.host.props.onDismiss('close');
    await delivered();
    await second.fire('purchase');
    expect(second.host.shows).toHaveLength(1);
  });

  it('closes the same prompt in the other tabs when it is answered in one (dismiss reason other-tab)', async () => {
    const namespace = `tabs-${Math.random()}`;
    const first = setup(config, { namespace });
    const second = setup(config, { namespace });
    // Both opened before hearing of each other (no Web Locks to arbitrate).
    await Promise.all([first.fire('purchase'), second.fire('purchase')]);
    expect([first.host.shows.length, second.host.shows.length]).toEqual([1, 1]);
    first.host.props.onAnswer({ score: 10 }, true);
    await delivered();
    expect(second.host.closes).toBe(1);
    expect(second.recorded.at(-1)).toMatchObject({ name: '$prompt_dismissed', props: { promptId: 'nps', reason: 'other-tab' } });
    expect(first.host.closes).toBe(0);
  });

  it('cancels a delayed prompt when it opens in another tab', async () => {
    const namespace = `tabs-${Math.random()}`;
    const delayedOnly: Config = { version: 1, prompts: [config.prompts![1]!] };
    const first = setup(delayedOnly, { namespace });
    const second = setup(delayedOnly, { namespace });
    await second.fire('purchase');
    first.controller.show('later');
    await settle();
    await delivered();
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(second.host.shows).toHaveLength(0);
    expect(second.logs).toContain('prompt "later": delay cancelled, it opened in another tab');
  });

  it('lets the Web Lock decide when two tabs try at the same moment', async () => {
    const held = installLocks();
    const namespace = `tabs-${Math.random()}`;
    const first = setup(config, { namespace });
    const second = setup(config, { namespace });
    await Promise.all([first.fire('purchase'), second.fire('purchase')]);
    expect(first.host.shows.length + second.host.shows.length).toBe(1);
    const winner = first.host.shows.length ? first : second;
    const loser = winner === first ? second : first;
    expect(loser.logs.at(-1)).toBe('prompt "nps": not shown (one at a time: a prompt is showing in another tab)');
    expect(held.size).toBe(1);
    winner.host.props.onDismiss('close');
    await settle();
    expect(held.size).toBe(0);
    await delivered();
    await loser.fire('purchase');
    expect(loser.host.shows).toHaveLength(1);
  });

  it('forgets a tab that announced a prompt once the lock shows nobody holds it', async () => {
    installLocks();
    const namespace = `tabs-${Math.random()}`;
    const seen: string[] = [];
    const listener = createTabSync(namespace, (promptId) => seen.push(promptId));
    const announcer = createTabSync(namespace, () => {});
    announcer.announce('ghost', true);
    await delivered();
    expect(listener.elsewhere()).toBe('ghost');
    const release = await listener.claim();
    expect(release).toBeTypeOf('function');
    expect(listener.elsewhere()).toBeUndefined();
    release?.();
    listener.close();
    announcer.close();
    expect(seen).toEqual(['ghost']);
  });

  it('force shows even when the other tab holds the lock', async () => {
    installLocks();
    const namespace = `tabs-${Math.random()}`;
    const first = setup(config, { namespace });
    const second = setup(config, { namespace });
    await first.fire('purchase');
    second.controller.show('nps', { force: true });
    await settle();
    expect(second.host.shows).toHaveLength(1);
  });
});
