import { describe, expect, it, vi } from 'vitest';
import { mouse, scrollTo, setPage, start } from './helpers.js';

/** The pointer moves from mid-page up to the top band and leaves the window upward. */
function leaveThroughTop(target?: EventTarget) {
  mouse('mousemove', 400);
  mouse('mousemove', 120);
  mouse('mousemove', 8);
  mouse('mouseout', -4, { relatedTarget: null }, target);
}

describe('$exit_intent on desktop', () => {
  it('fires when the pointer leaves upward through the top, after the dwell, once per page', () => {
    vi.useFakeTimers();
    const { events } = start({ exitIntent: { minDwellSeconds: 3 } });
    vi.advanceTimersByTime(3000);
    leaveThroughTop();
    leaveThroughTop();
    expect(events).toEqual([{ name: '$exit_intent', props: { reason: 'pointer-top' } }]);
  });

  it('does not fire before the dwell, and the dwell boundary is inclusive', () => {
    vi.useFakeTimers();
    const { events } = start({ exitIntent: { minDwellSeconds: 3 } });
    vi.advanceTimersByTime(2999);
    leaveThroughTop();
    expect(events).toEqual([]);
    vi.advanceTimersByTime(1);
    leaveThroughTop();
    expect(events).toHaveLength(1);
  });

  it('defaults to a 5 second dwell', () => {
    vi.useFakeTimers();
    const { events } = start({ exitIntent: true });
    vi.advanceTimersByTime(4900);
    leaveThroughTop();
    vi.advanceTimersByTime(100);
    leaveThroughTop();
    expect(events).toHaveLength(1);
  });

  it('ignores a <select> popup taking the pointer, moves into child elements and leaving sideways or downward', () => {
    const { events } = start({ exitIntent: { minDwellSeconds: 0 } });
    document.body.innerHTML = '<select><option>One</option><option>Two</option></select>';
    const select = document.querySelector('select') as HTMLSelectElement;
    mouse('mousemove', 400);
    mouse('mousemove', 10);
    // Chromium's select popup: the document sees the pointer leave with no related target.
    mouse('mouseout', 10, { relatedTarget: null }, select);
    mouse('mousemove', 300);
    mouse('mousemove', 10);
    mouse('mouseout', 5, { relatedTarget: document.body }); // into another element
    mouse('mousemove', 300);
    mouse('mouseout', 300, { relatedTarget: null }); // out through a side
    mouse('mousemove', 400);
    mouse('mousemove', 500);
    mouse('mouseout', -2, { relatedTarget: null }); // moving down when it left
    expect(events).toEqual([]);
    select.remove();
  });

  it('ignores a pointer that came in from the tab strip and goes straight back', () => {
    const { events } = start({ exitIntent: { minDwellSeconds: 0 } });
    mouse('mousemove', 400);
    mouse('mouseout', 0, { relatedTarget: null }); // leaves going ... (not upward, arms off)
    mouse('mousemove', 12); // enters from the top
    mouse('mousemove', 6);
    mouse('mouseout', -1, { relatedTarget: null });
    expect(events).toEqual([]);
    leaveThroughTop();
    expect(events).toHaveLength(1);
  });

  it('can fire again on the next SPA page, after the dwell restarts', () => {
    vi.useFakeTimers();
    const { events } = start({ exitIntent: { minDwellSeconds: 2 } });
    vi.advanceTimersByTime(2000);
    leaveThroughTop();
    history.pushState(null, '', '/second');
    vi.advanceTimersByTime(1000);
    leaveThroughTop();
    expect(events).toHaveLength(1);
    vi.advanceTimersByTime(1000);
    leaveThroughTop();
    expect(events).toHaveLength(2);
  });

  it('is off when switched off, and gone after stop', () => {
    const off = start({ exitIntent: false });
    leaveThroughTop();
    const on = start({ exitIntent: { minDwellSeconds: 0 } });
    on.stop();
    leaveThroughTop();
    expect([...off.events, ...on.events]).toEqual([]);
  });
});

describe('$exit_intent on touch devices', () => {
  const coarse = () =>
    vi.spyOn(window, 'matchMedia').mockImplementation((query: string) => ({ matches: query === '(pointer: coarse)', media: query }) as MediaQueryList);

  it('fires on a fast scroll up of half a viewport, not on a slow one', () => {
    coarse();
    vi.useFakeTimers();
    setPage(6000, 800);
    scrollTo(3000);
    const { events } = start({ exitIntent: { minDwellSeconds: 0 } });
    // Slow: 100 px every 200 ms.
    for (let y = 2900; y >= 2300; y -= 100) {
      vi.advanceTimersByTime(200);
      scrollTo(y);
    }
    expect(events).toEqual([]);
    // Fast: 450 px in 150 ms.
    for (let y = 2150; y >= 1850; y -= 150) {
      vi.advanceTimersByTime(50);
      scrollTo(y);
    }
    expect(events).toEqual([{ name: '$exit_intent', props: { reason: 'scroll-up' } }]);
    vi.restoreAllMocks();
  });

  it('fires on returning to the tab after at least 10 seconds away', () => {
    coarse();
    vi.useFakeTimers();
    const hidden = vi.spyOn(document, 'hidden', 'get');
    const { events } = start({ exitIntent: { minDwellSeconds: 0 } });
    const away = (ms: number) => {
      hidden.mockReturnValue(true);
      document.dispatchEvent(new Event('visibilitychange'));
      vi.advanceTimersByTime(ms);
      hidden.mockReturnValue(false);
      document.dispatchEvent(new Event('visibilitychange'));
    };
    away(9_999);
    expect(events).toEqual([]);
    away(10_000);
    expect(events).toEqual([{ name: '$exit_intent', props: { reason: 'tab-return' } }]);
    vi.restoreAllMocks();
  });

  it('does not watch scrolling or tab switches on a desktop pointer', () => {
    vi.useFakeTimers();
    setPage(6000, 800);
    scrollTo(3000);
    const { events } = start({ exitIntent: { minDwellSeconds: 0 } });
    vi.advanceTimersByTime(50);
    scrollTo(1000);
    expect(events).toEqual([]);
  });
});
