import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Waymark } from '../../src/api.js';
import type { Config } from '../../src/config/schema.js';
import { init } from '../../src/init.js';
import { createPageExit } from '../../src/lifecycle/page-exit.js';
import { ENDPOINT, useSink } from '../outbox/helpers.js';

const sink = useSink();
const CONFIG: Config = { version: 1, rewards: { rules: [{ id: 'spend', on: 'purchase', points: { every: 50, of: 'amount', award: 50 } }] } };
const NO_DETECTORS = { pageViews: false, scroll: false, exitIntent: false, idle: false, clicks: false };

let namespace = 0;
const instances: Waymark[] = [];
afterEach(() => instances.splice(0).forEach((wm) => wm.destroy()));

const sentNames = () => sink.requests.flatMap((request) => request.body.batch.map((record) => record.name));

describe('the page exit', () => {
  it('runs derive, persist, send in that order whatever order they were registered in, past a step that throws', () => {
    const errors: unknown[] = [];
    const exit = createPageExit((error) => errors.push(error));
    const order: string[] = [];
    exit.on('send', () => order.push('send'));
    exit.on('persist', () => order.push('persist'));
    exit.on('derive', () => {
      order.push('derive');
      throw new Error('a broken step');
    });
    const removed = exit.on('persist', () => order.push('removed'));
    removed();
    dispatchEvent(new Event('pagehide'));
    exit.stop();
    dispatchEvent(new Event('pagehide'));
    expect(order).toEqual(['derive', 'persist', 'send']);
    expect(errors).toHaveLength(1);
  });

  for (const consentAtLoad of [true, false]) {
    it(`finding 10: a purchase followed by an immediate close sends the purchase and its $points (consent ${consentAtLoad ? 'at' : 'after'} load)`, async () => {
      const wm = init({
        namespace: `exit${++namespace}`,
        endpoint: ENDPOINT,
        config: CONFIG,
        consent: consentAtLoad,
        detectors: NO_DETECTORS,
        delivery: { flushIntervalMs: 60_000 },
      });
      instances.push(wm);
      if (!consentAtLoad) {
        await new Promise((resolve) => setTimeout(resolve, 10));
        wm.setConsent(true);
      }
      await wm.ready();
      await wm.flush();
      wm.track('purchase', { amount: 120 });
      dispatchEvent(new Event('pagehide'));
      await vi.waitFor(() => expect(sentNames()).toEqual(expect.arrayContaining(['purchase', '$points'])));
      const points = sink.requests.flatMap((request) => request.body.batch).find((record) => record.name === '$points');
      console.log(`[lifecycle] finding 10 consent ${consentAtLoad ? 'at' : 'after'} load: sent=${sentNames().join(',')} lost=${2 - new Set(sentNames()).size}`);
      expect(points?.props).toMatchObject({ delta: 100 });
    });
  }
});
