import type { Props } from '../../types.js';
import { listen } from './listen.js';

const INPUT_EVENTS = ['pointermove', 'pointerdown', 'keydown', 'wheel', 'touchstart', 'scroll', 'visibilitychange'];

/**
 * `$idle` once after `seconds` without input, then again only after the next input. Input
 * only stamps a time; a single timer checks it, so mouse moves cost no timer churn.
 */
export function watchIdle(seconds: number, emit: (props: Props) => void): () => void {
  const idleMs = seconds * 1000;
  let lastInputAt = Date.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const check = () => {
    timer = undefined;
    const quietMs = Date.now() - lastInputAt;
    if (quietMs < idleMs) arm(idleMs - quietMs);
    // A hidden tab is not an idle visitor: wait for them to come back.
    else if (!document.hidden) emit({ seconds });
  };
  const arm = (delay: number) => void (timer = setTimeout(check, delay));
  const onInput = () => {
    lastInputAt = Date.now();
    if (timer === undefined) arm(idleMs);
  };
  const removers = INPUT_EVENTS.map((type) => listen(type === 'visibilitychange' ? document : window, type, onInput));
  arm(idleMs);
  return () => {
    clearTimeout(timer);
    for (const stop of removers) stop();
  };
}
