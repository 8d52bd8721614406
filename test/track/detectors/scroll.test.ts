import { describe, expect, it } from 'vitest';
import { scrollTo, setPage, start } from './helpers.js';

describe('$scroll', () => {
  it('fires 25/50/75/100 once each, in order, even when one scroll passes several', () => {
    setPage(4000, 1000);
    scrollTo(0);
    const { events } = start({ scroll: true });
    scrollTo(100); // bottom at 1100 / 4000 = 27.5 %
    scrollTo(50);
    scrollTo(100);
    expect(events.map((event) => event.props.depth)).toEqual([25]);
    scrollTo(2000); // 75 %
    expect(events.map((event) => event.props.depth)).toEqual([25, 50, 75]);
    scrollTo(2990); // 99.75 %: not yet the end
    expect(events).toHaveLength(3);
    scrollTo(2999); // within 2 px of the end counts as 100 % (sub-pixel rounding)
    scrollTo(3000);
    expect(events.map((event) => [event.name, event.props.depth])).toEqual([
      ['$scroll', 25],
      ['$scroll', 50],
      ['$scroll', 75],
      ['$scroll', 100],
    ]);
  });

  it('fires at exactly the milestone and not just below it', () => {
    setPage(4000, 1000);
    scrollTo(0);
    const { events } = start({ scroll: true });
    scrollTo(999); // 49.975 %
    expect(events.map((event) => event.props.depth)).toEqual([25]);
    scrollTo(1000); // exactly 50 %
    expect(events.map((event) => event.props.depth)).toEqual([25, 50]);
  });

  it('starts over on an SPA route change', () => {
    setPage(2000, 1000);
    scrollTo(0);
    const { events } = start({ scroll: true });
    scrollTo(1000);
    expect(events).toHaveLength(4);
    history.pushState(null, '', '/next-page');
    scrollTo(0);
    scrollTo(1000);
    expect(events).toHaveLength(8);
  });
});
