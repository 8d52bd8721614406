/** `el('li', { class: 'x' }, 'text', child)`: text is always set as text, never parsed as HTML. */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

export const byId = (id) => document.getElementById(id);

/** Keeps the newest `max` lines of a log list, newest first. */
export function logLine(list, text, max = 12) {
  list.prepend(el('li', {}, text));
  while (list.children.length > max) list.lastElementChild.remove();
}
