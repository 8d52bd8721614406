import type { Props } from '../../types.js';
import { listen } from './listen.js';

const PREFIX = 'data-waymark-';

/**
 * `$click` for any element marked `data-waymark="event_name"` (or inside one): declarative
 * tracking a marketer can add in a CMS. `data-waymark-plan="pro"` adds `plan: "pro"` to props.
 */
export function watchClicks(emit: (props: Props) => void): () => void {
  return listen<MouseEvent>(document, 'click', (event) => {
    // composedPath sees through open shadow roots, where event.target is retargeted.
    for (const node of event.composedPath()) {
      const name = (node as Element).getAttribute?.('data-waymark');
      if (name == null) continue;
      if (!name) return;
      const element = node as Element;
      const props: Props = { name, text: (element.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 100) };
      for (const { name: attribute, value } of element.attributes) {
        if (attribute.startsWith(PREFIX)) props[attribute.slice(PREFIX.length)] = value;
      }
      emit(props);
      return;
    }
  });
}
