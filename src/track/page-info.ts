import type { PageInfo } from '../types.js';

/** Where the visitor is now; empty outside a browser. */
export function currentPage(): PageInfo {
  if (typeof location === 'undefined') return { url: '', path: '', referrer: '', title: '' };
  return {
    url: location.href,
    path: location.pathname,
    referrer: typeof document === 'undefined' ? '' : document.referrer,
    title: typeof document === 'undefined' ? '' : document.title,
  };
}
