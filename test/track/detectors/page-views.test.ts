import { describe, expect, it } from 'vitest';
import { start } from './helpers.js';

describe('$page_view', () => {
  it('fires once on start with the current url, path and document referrer', () => {
    history.replaceState(null, '', '/start');
    const { events } = start({ pageViews: true });
    expect(events).toEqual([{ name: '$page_view', props: { url: location.href, path: '/start', referrer: document.referrer } }]);
  });

  it('fires on pushState and replaceState with the previous url as referrer, but not when the url is unchanged', () => {
    history.replaceState(null, '', '/a');
    const { events } = start({ pageViews: true });
    const first = location.href;
    history.pushState({ step: 1 }, '', '/b?x=1');
    history.replaceState({ step: 2 }, '', '/b?x=1');
    history.replaceState(null, '', '/c');
    expect(events.map((event) => event.props.path)).toEqual(['/a', '/b', '/c']);
    expect(events[1]?.props.referrer).toBe(first);
    expect(events[2]?.props.referrer).toBe(new URL('/b?x=1', first).href);
    expect(history.state).toBeNull();
  });

  it('fires on popstate and hashchange, once for a change both report', () => {
    history.replaceState(null, '', '/p');
    const { events } = start({ pageViews: true });
    history.replaceState(null, '', '/p#/route'); // counted via replaceState
    window.dispatchEvent(new Event('hashchange'));
    window.dispatchEvent(new Event('popstate'));
    expect(events).toHaveLength(2);
    // A url the wrapper did not see (e.g. set by the browser on back): popstate catches it.
    const original = History.prototype.replaceState;
    original.call(history, null, '', '/q');
    window.dispatchEvent(new Event('popstate'));
    expect(events.map((event) => event.props.path)).toEqual(['/p', '/p', '/q']);
  });

  it("keeps the host's history calls working and restores the original methods on stop", () => {
    const before = { push: history.pushState, replace: history.replaceState };
    const { stop } = start({ pageViews: true });
    expect(history.pushState).not.toBe(before.push);
    expect(history.pushState({ keep: true }, '', '/kept')).toBeUndefined();
    expect(history.state).toEqual({ keep: true });
    expect(location.pathname).toBe('/kept');
    stop();
    expect(history.pushState).toBe(before.push);
    expect(history.replaceState).toBe(before.replace);
  });

  it('leaves a wrapper added later by someone else in place, and goes inert', () => {
    const original = history.pushState;
    const { events, stop } = start({ pageViews: true });
    const ours = history.pushState;
    let calls = 0;
    history.pushState = function (this: History, ...args: Parameters<History['pushState']>) {
      calls++;
      return ours.apply(this, args);
    };
    const theirs = history.pushState;
    stop();
    expect(history.pushState).toBe(theirs);
    history.pushState(null, '', '/after-stop');
    expect(calls).toBe(1);
    expect(location.pathname).toBe('/after-stop');
    expect(events).toHaveLength(1);
    history.pushState = original;
  });

  it('still resets per-page detectors when $page_view itself is switched off', () => {
    const { events } = start({ pageViews: false });
    history.pushState(null, '', '/elsewhere');
    expect(events).toEqual([]);
  });

  it('does nothing after stop', () => {
    const { events, stop } = start({ pageViews: true });
    stop();
    history.pushState(null, '', '/x1');
    window.dispatchEvent(new Event('popstate'));
    expect(events).toHaveLength(1);
  });
});
