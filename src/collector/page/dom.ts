const SVG = 'http://www.w3.org/2000/svg';
type Child = Node | string;

/** An HTML element with attributes and children: the page's only way to build DOM (no innerHTML, so no injection). */
export function el(tag: string, attributes: Record<string, string> = {}, ...children: Child[]): HTMLElement {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

export function svg(tag: string, attributes: Record<string, string | number> = {}, ...children: Child[]): SVGElement {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  node.append(...children);
  return node;
}

export const percent = (ratio: number | null | undefined) => (ratio === null || ratio === undefined ? '–' : `${Math.round(ratio * 1000) / 10}%`);
export const round = (value: number | null | undefined, digits = 1) =>
  value === null || value === undefined ? '–' : String(Math.round(value * 10 ** digits) / 10 ** digits);
export const count = (value: number) => value.toLocaleString('en');

/** A duration in seconds as people read it: 42 s, 18 min, 5.5 h, 3.2 d. */
export function duration(seconds: number | null): string {
  if (seconds === null) return '–';
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min`;
  if (seconds < 129_600) return `${round(seconds / 3600)} h`;
  return `${round(seconds / 86_400)} d`;
}

/** A table from headers and rows; `testid` names it for tests and the CSV. */
export function table(testid: string, headers: string[], rows: Child[][]): HTMLElement {
  return el(
    'table',
    { 'data-testid': testid },
    el('thead', {}, el('tr', {}, ...headers.map((header) => el('th', { scope: 'col' }, header)))),
    el('tbody', {}, ...rows.map((row) => el('tr', {}, ...row.map((cell) => el('td', {}, cell))))),
  );
}
