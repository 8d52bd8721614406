import type { Props } from '../../types.js';
import { listen } from './listen.js';

const PREFIX = 'data-waymark-';
const MAX_NAME_LENGTH = 200;

/** `data-waymark-cta-position` → `ctaPosition`, as `dataset` names it. */
const propName = (attribute: string) => attribute.slice(PREFIX.length).replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());

/**
 * A click on an element marked `data-waymark="event_name"` (or inside one) records the event
 * `event_name`, as Umami's `data-umami-event` does: declarative tracking a marketer can add in
 * a CMS. `data-waymark-plan="pro"` adds `plan: "pro"` to props. A blank name or one starting
 * with `$` (reserved, as in track()) records nothing.
 */
export function watchClicks(emit: (name: string, props: Props) => void): () => void {
  return listen<MouseEvent>(document, 'click', (event) => {
    // composedPath sees through open shadow roots, where event.target is retargeted.
    for (const node of event.composedPath()) {
      const name = (node as Element).getAttribute?.('data-waymark')?.trim();
      if (name == null) continue;
      if (!name || name.startsWith('$') || name.length > MAX_NAME_LENGTH) return;
      const props: Props = {};
      for (const { name: attribute, value } of (node as Element).attributes) {
        if (attribute.startsWith(PREFIX)) props[propName(attribute)] = value;
      }
      emit(name, props);
      return;
    }
  });
}
