import type { Props } from '../../types.js';
import { listen } from './listen.js';

/**
 * `$scroll` with `depth` 25, 50, 75 and 100: how much of the page has been in view. Each
 * milestone fires once per page, in order, even when one scroll jumps past several.
 */
export function watchScroll(emit: (props: Props) => void, onNewPage: Array<() => void>): () => void {
  let reached = 0;
  onNewPage.push(() => (reached = 0));
  return listen(window, 'scroll', () => {
    const height = document.documentElement.scrollHeight;
    const bottom = scrollY + innerHeight;
    // Within 2 px of the end counts as the end: sub-pixel scroll positions never quite reach it.
    const percent = bottom >= height - 2 ? 100 : (bottom / height) * 100;
    while (reached < 100 && percent >= reached + 25) emit({ depth: (reached += 25) });
  });
}
