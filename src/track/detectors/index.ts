import type { DetectorOptions } from '../../api.js';
import { RESERVED, type Optional, type Props } from '../../types.js';
import { watchClicks } from './clicks.js';
import { watchExitIntent } from './exit-intent.js';
import { watchIdle } from './idle.js';
import { watchPageViews } from './page-views.js';
import { watchScroll } from './scroll.js';

export const DEFAULT_MIN_DWELL_SECONDS = 5;
export const DEFAULT_IDLE_SECONDS = 30;

/**
 * Turns browser signals into touchpoints. Every detector is on unless switched off; the
 * returned stop() removes every listener and timer and restores the history methods.
 */
export function startDetectors(options: Optional<DetectorOptions>, emit: (name: string, props: Props) => void): () => void {
  if (typeof window === 'undefined') return () => {};
  const sendNamed = (name: string, props: Props) => {
    try {
      emit(name, props);
    } catch {
      // A detector runs inside the host's own event handlers and history calls: never throw there.
    }
  };
  const send = (name: string) => (props: Props) => sendNamed(name, props);
  const { exitIntent, idle } = options;
  /** Per-page state (scroll milestones, exit dwell) starts over on every URL change. */
  const onNewPage: Array<() => void> = [];
  const stops: Array<() => void> = [];
  if (options.scroll !== false) stops.push(watchScroll(send(RESERVED.scroll), onNewPage));
  if (exitIntent !== false) {
    const dwell = (typeof exitIntent === 'object' ? exitIntent.minDwellSeconds : undefined) ?? DEFAULT_MIN_DWELL_SECONDS;
    stops.push(watchExitIntent(dwell, send(RESERVED.exitIntent), onNewPage));
  }
  if (idle !== false) stops.push(watchIdle((typeof idle === 'object' && idle.seconds) || DEFAULT_IDLE_SECONDS, send(RESERVED.idle)));
  if (options.clicks !== false) stops.push(watchClicks(sendNamed));
  const pageView = send(RESERVED.pageView);
  stops.push(
    watchPageViews((props) => {
      for (const reset of onNewPage) reset();
      if (options.pageViews !== false) pageView(props);
    }),
  );
  return () => {
    for (const stop of stops.splice(0)) stop();
  };
}
