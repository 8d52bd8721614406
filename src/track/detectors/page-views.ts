import type { Props } from '../../types.js';
import { listen } from './listen.js';

/**
 * Calls `onPage` at start and whenever the URL changes. SPA routers navigate with
 * pushState/replaceState, which fire no event (HTML spec), so those are wrapped; back/forward
 * fire popstate and hash routers hashchange. A change fired by several of these counts once.
 */
export function watchPageViews(onPage: (props: Props) => void): () => void {
  let active = true;
  let lastUrl = '';
  const check = () => {
    const url = location.href;
    if (!active || url === lastUrl) return;
    const referrer = lastUrl || document.referrer;
    lastUrl = url;
    onPage({ url, path: location.pathname, referrer });
  };
  const restorers = (['pushState', 'replaceState'] as const).map((method) => {
    const original = history[method];
    const wrapped = function (this: History, ...args: Parameters<History['pushState']>) {
      const result = original.apply(this, args);
      check();
      return result;
    };
    history[method] = wrapped;
    // Another script may have wrapped ours since: leave the chain intact, ours just goes inert.
    return () => {
      if (history[method] === wrapped) history[method] = original;
    };
  });
  const removers = [listen(window, 'popstate', check), listen(window, 'hashchange', check)];
  check();
  return () => {
    active = false;
    for (const stop of [...restorers, ...removers]) stop();
  };
}
