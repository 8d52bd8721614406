import type { Props } from '../../types.js';
import { listen } from './listen.js';

/** Bottom of the viewport this close to the end of the page counts as 100 % (sub-pixel rounding). */
const END_SLACK_PX = 2;

/**
 * `$scroll` with `depth` 25, 50, 75 and 100: how much of the page has been in view. Each
 * milestone fires once per page, in order, even when one scroll jumps past several.
 */
export function watchScroll(emit: (props: Props) => void) {
  let reached = 0;
  const stop = listen(window, 'scroll', () => {
    const height = document.documentElement.scrollHeight;
    const bottom = scrollY + innerHeight;
    const percent = bottom >= height - END_SLACK_PX ? 100 : (bottom / height) * 100;
    while (reached < 100 && percent >= reached + 25) emit({ depth: (reached += 25) });
  });
  return { stop, newPage: () => void (reached = 0) };
}
