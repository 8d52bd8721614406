import type { PageInfo } from '../types.js';

let pathOf = '';
let path = '';

/** Where the visitor is now; empty outside a browser. */
export function currentPage(): PageInfo {
  if (typeof location === 'undefined') return { url: '', path: '', referrer: '', title: '' };
  const url = location.href;
  // location.pathname costs as much as href again; it only changes with the URL.
  if (url !== pathOf) (pathOf = url), (path = location.pathname);
  return {
    url,
    path,
    referrer: typeof document === 'undefined' ? '' : document.referrer,
    title: typeof document === 'undefined' ? '' : document.title,
  };
}
