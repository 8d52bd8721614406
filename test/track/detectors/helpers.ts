import { afterEach, vi } from 'vitest';
import { startDetectors } from '../../../src/track/detectors/index.js';
import type { DetectorOptions } from '../../../src/track/detectors/options.js';
import type { Props } from '../../../src/types.js';

export interface Recorded {
  name: string;
  props: Props;
}

const running: Array<() => void> = [];
afterEach(() => {
  for (const stop of running.splice(0)) stop();
  vi.useRealTimers();
});

/** Starts the detectors with only `only` switched on (plus the given options), recording what they emit. */
export function start(options: Partial<DetectorOptions>) {
  const events: Recorded[] = [];
  const stop = startDetectors({ pageViews: false, scroll: false, exitIntent: false, idle: false, clicks: false, ...options }, (name, props) =>
    events.push({ name, props }),
  );
  running.push(stop);
  return { events, stop, names: () => events.map((event) => event.name) };
}

export function setPage(scrollHeight: number, innerHeight: number) {
  Object.defineProperty(document.documentElement, 'scrollHeight', { configurable: true, get: () => scrollHeight });
  Object.defineProperty(window, 'innerHeight', { configurable: true, get: () => innerHeight });
}

export function scrollTo(y: number) {
  Object.defineProperty(window, 'scrollY', { configurable: true, get: () => y });
  window.dispatchEvent(new Event('scroll'));
}

export const mouse = (type: string, clientY: number, init: MouseEventInit = {}, target: EventTarget = document.body) =>
  target.dispatchEvent(new MouseEvent(type, { bubbles: true, clientX: 300, clientY, ...init }));
