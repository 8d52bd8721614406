import type { Props } from '../../types.js';
import { listen } from './listen.js';

/** Pointer leaves within this band at the top of the viewport; it must have been below it since it entered. */
const TOP_BAND_PX = 20;
/** Mobile: scrolling up by half a viewport within this time is a "fast scroll up". */
const FAST_SCROLL_MS = 500;
/** Mobile: coming back to the tab after at least this long away. */
const TAB_RETURN_MS = 10_000;

export type ExitReason = 'pointer-top' | 'scroll-up' | 'tab-return';

/**
 * `$exit_intent` at most once per page, after `minDwellSeconds` on it. Desktop: the pointer
 * leaves the document upward through the top edge. Touch devices have no pointer to watch,
 * so there: a fast scroll up (towards the address bar) or a return to the tab after a pause.
 * No history traps and no unload handlers: they break the back button and the bfcache.
 */
export function watchExitIntent(minDwellSeconds: number, emit: (props: Props) => void, onNewPage: Array<() => void>): () => void {
  let pageStartedAt = 0;
  let fired = false;
  onNewPage.push(() => {
    pageStartedAt = Date.now();
    fired = false;
  });
  const fire = (reason: ExitReason) => {
    if (fired || Date.now() - pageStartedAt < minDwellSeconds * 1000) return;
    fired = true;
    emit({ reason });
  };

  // Desktop. `armed` is false while the pointer has only been in the top band since entering:
  // it came from the tab strip or address bar and going back there is not a new intent.
  let lastY = -1;
  let movingUp = false;
  let armed = false;
  const removers = [
    listen<MouseEvent>(document, 'mousemove', ({ clientY }) => {
      if (clientY !== lastY) movingUp = clientY < lastY;
      lastY = clientY;
      if (clientY > TOP_BAND_PX) armed = true;
    }),
    listen<MouseEvent>(document, 'mouseout', (event) => {
      if (event.relatedTarget) return; // still inside the document
      const wasArmed = armed;
      armed = false;
      // A <select> popup takes the pointer away while it is still inside the page's bounds.
      if (!(event.target as Element).closest?.('select') && wasArmed && movingUp && event.clientY < TOP_BAND_PX) fire('pointer-top');
    }),
  ];

  if (window.matchMedia?.('(pointer: coarse)').matches) {
    let anchorY = scrollY;
    let anchorAt = Date.now();
    let previousY = scrollY;
    let hiddenAt = 0;
    removers.push(
      listen(window, 'scroll', () => {
        const y = scrollY;
        const now = Date.now();
        if (y >= previousY || now - anchorAt > FAST_SCROLL_MS) (anchorY = y), (anchorAt = now);
        previousY = y;
        if (anchorY - y > innerHeight / 2) fire('scroll-up');
      }),
      listen(document, 'visibilitychange', () => {
        if (document.hidden) hiddenAt = Date.now();
        else if (hiddenAt && Date.now() - hiddenAt >= TAB_RETURN_MS) fire('tab-return');
      }),
    );
  }

  return () => removers.forEach((stop) => stop());
}
