import { describe, expect, it, vi } from 'vitest';
import { start } from './helpers.js';

describe('$idle', () => {
  it('fires after N seconds without input, and again only after new input', () => {
    vi.useFakeTimers();
    const { events } = start({ idle: { seconds: 10 } });
    vi.advanceTimersByTime(9_999);
    expect(events).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(events).toEqual([{ name: '$idle', props: { seconds: 10 } }]);
    vi.advanceTimersByTime(60_000);
    expect(events).toHaveLength(1);
    window.dispatchEvent(new Event('keydown'));
    vi.advanceTimersByTime(10_000);
    expect(events).toHaveLength(2);
  });

  it('restarts the count on every input', () => {
    vi.useFakeTimers();
    const { events } = start({ idle: { seconds: 10 } });
    for (let i = 0; i < 5; i++) {
      vi.advanceTimersByTime(6_000);
      window.dispatchEvent(new Event('pointermove'));
    }
    expect(events).toEqual([]);
    vi.advanceTimersByTime(10_000);
    expect(events).toHaveLength(1);
  });

  it('defaults to 30 seconds and stays quiet while the tab is hidden', () => {
    vi.useFakeTimers();
    const hidden = vi.spyOn(document, 'hidden', 'get').mockReturnValue(true);
    const { events } = start({ idle: true });
    vi.advanceTimersByTime(30_000);
    expect(events).toEqual([]);
    hidden.mockReturnValue(false);
    document.dispatchEvent(new Event('visibilitychange'));
    vi.advanceTimersByTime(29_999);
    expect(events).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(events).toHaveLength(1);
    vi.restoreAllMocks();
  });

  it('clears its timer on stop', () => {
    vi.useFakeTimers();
    const { events, stop } = start({ idle: { seconds: 1 } });
    stop();
    vi.advanceTimersByTime(5_000);
    expect(events).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('data-waymark clicks record the named event (issue 11: like data-umami-event)', () => {
  it('records data-waymark="event_name" as event_name, props from data-waymark-* camel-cased, for clicks inside too', () => {
    document.body.innerHTML = `
      <a href="#" data-waymark="newsletter_cta" data-waymark-plan="pro" data-waymark-cta-position="footer">
        <span>Subscribe   now</span></a>
      <button id="plain">Plain</button>`;
    const { events } = start({ clicks: true });
    (document.querySelector('span') as HTMLElement).click();
    (document.querySelector('#plain') as HTMLElement).click();
    expect(events).toEqual([{ name: 'newsletter_cta', props: { plan: 'pro', ctaPosition: 'footer' } }]);
  });

  it('sees marked elements inside open shadow roots and ignores an empty or reserved name', () => {
    document.body.innerHTML =
      '<div id="host"></div><button data-waymark="">Empty</button><button data-waymark="$points">Forged</button><button data-waymark="  ">Blank</button>';
    const root = (document.querySelector('#host') as HTMLElement).attachShadow({ mode: 'open' });
    root.innerHTML = '<button data-waymark="in_shadow">Inside</button>';
    const { events } = start({ clicks: true });
    (root.querySelector('button') as HTMLElement).click();
    for (const button of document.querySelectorAll('button')) button.click();
    expect(events).toEqual([{ name: 'in_shadow', props: {} }]);
  });

  it('stops on stop()', () => {
    document.body.innerHTML = '<button data-waymark="once">Once</button>';
    const { events, stop } = start({ clicks: true });
    const button = document.querySelector('button') as HTMLElement;
    button.click();
    stop();
    button.click();
    expect(events).toHaveLength(1);
  });

  it('never lets a failing emit escape into the host page', async () => {
    const { startDetectors } = await import('../../../src/track/detectors/index.js');
    document.body.innerHTML = '<button data-waymark="boom">Boom</button>';
    const stop = startDetectors({ pageViews: true, scroll: false, exitIntent: false, idle: false, clicks: true }, () => {
      throw new Error('sink failed');
    });
    expect(() => (document.querySelector('button') as HTMLElement).click()).not.toThrow();
    expect(() => history.pushState(null, '', '/still-works')).not.toThrow();
    expect(location.pathname).toBe('/still-works');
    stop();
  });
});
