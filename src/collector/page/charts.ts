import { svg } from './dom.js';

/**
 * SVG charts drawn from the report's numbers; each is an <svg role="img"> whose label lists
 * the values, so they are readable without the picture.
 */
const chart = (kind: string, width: number, height: number, label: string, ...children: SVGElement[]) =>
  svg(
    'svg',
    { viewBox: `0 0 ${width} ${height}`, width: '100%', role: 'img', 'aria-label': label, class: `chart ${kind}`, 'data-chart': kind },
    svg('title', {}, label),
    ...children,
  );

export interface Bar {
  label: string;
  value: number;
  text?: string;
  color?: string;
}

/** The funnel: one centred bar per stage, width by visitors, the conversion to the next between them. */
export function funnelChart(steps: Array<{ label: string; value: number; note: string }>): SVGElement {
  const width = 520;
  const rowHeight = 46;
  const top = Math.max(1, ...steps.map((step) => step.value));
  return chart(
    'funnel',
    width,
    steps.length * rowHeight,
    steps.map((step) => `${step.label}: ${step.value} (${step.note})`).join(', '),
    ...steps.flatMap((step, n) => {
      const barWidth = Math.max(step.value ? 4 : 0, (step.value / top) * (width - 200));
      const y = n * rowHeight;
      return [
        svg('rect', { x: (width - 200 - barWidth) / 2 + 100, y, width: barWidth, height: 30, rx: 4, fill: 'var(--accent)', opacity: 1 - n * 0.12 }),
        svg('text', { x: 96, y: y + 20, 'text-anchor': 'end', class: 'label' }, step.label),
        svg('text', { x: width - 96, y: y + 20, class: 'value' }, String(step.value)),
        svg('text', { x: width / 2, y: y + 42, 'text-anchor': 'middle', class: 'note' }, step.note),
      ];
    }),
  );
}

/** Columns over a whole scale (zeros included), with the count on each. */
export function columnChart(columns: Bar[]): SVGElement {
  const width = 340;
  const height = 150;
  const top = Math.max(1, ...columns.map((column) => column.value));
  const step = width / Math.max(1, columns.length);
  return chart(
    'columns',
    width,
    height + 20,
    columns.map((column) => `${column.label}: ${column.value}`).join(', '),
    ...columns.flatMap((column, n) => {
      const barHeight = (column.value / top) * (height - 20);
      const x = n * step + step * 0.15;
      return [
        svg('rect', { x, y: height - barHeight, width: step * 0.7, height: barHeight, rx: 2, fill: column.color ?? 'var(--accent)' }),
        svg('text', { x: x + step * 0.35, y: height - barHeight - 4, 'text-anchor': 'middle', class: 'value' }, String(column.value)),
        svg('text', { x: x + step * 0.35, y: height + 14, 'text-anchor': 'middle', class: 'label' }, column.label),
      ];
    }),
  );
}

/** Horizontal bars, longest = full width. */
export function barChart(rows: Bar[]): SVGElement {
  const width = 340;
  const rowHeight = 26;
  const top = Math.max(1, ...rows.map((row) => row.value));
  return chart(
    'bars',
    width,
    Math.max(rowHeight, rows.length * rowHeight),
    rows.map((row) => `${row.label}: ${row.text ?? row.value}`).join(', '),
    ...rows.flatMap((row, n) => {
      const length = Math.max(row.value > 0 ? 2 : 0, (row.value / top) * 170);
      const y = n * rowHeight;
      return [
        svg('text', { x: 112, y: y + 14, 'text-anchor': 'end', class: 'label' }, row.label.length > 16 ? `${row.label.slice(0, 15)}…` : row.label),
        svg('rect', { x: 118, y, width: length, height: 18, rx: 3, fill: row.color ?? 'var(--accent)' }),
        svg('text', { x: 124 + length, y: y + 14, class: 'value' }, row.text ?? String(row.value)),
      ];
    }),
  );
}

/** Lines over time: each series has its own scale (counts and a −100…100 NPS do not share one); points carry their values. */
export function lineChart(labels: string[], series: Array<{ name: string; values: Array<number | null>; color: string }>): SVGElement {
  const width = 640;
  const height = 180;
  const x = (n: number) => 40 + (labels.length > 1 ? (n / (labels.length - 1)) * (width - 80) : (width - 80) / 2);
  const lines = series.flatMap((line) => {
    const known = line.values.filter((value): value is number => value !== null);
    const low = Math.min(0, ...known);
    const high = Math.max(1, ...known);
    const y = (value: number) => height - 20 - ((value - low) / (high - low || 1)) * (height - 40);
    const points = line.values.flatMap((value, n) => (value === null ? [] : [`${x(n)},${y(value)}`]));
    return [
      svg('polyline', { points: points.join(' '), fill: 'none', stroke: line.color, 'stroke-width': 2 }),
      ...line.values.flatMap((value, n) =>
        value === null
          ? []
          : [svg('circle', { cx: x(n), cy: y(value), r: 3, fill: line.color }, svg('title', {}, `${line.name} ${labels[n]}: ${Math.round(value * 10) / 10}`))],
      ),
    ];
  });
  const ticks = labels
    .map((label, n) =>
      n % Math.ceil(labels.length / 8) === 0 ? svg('text', { x: x(n), y: height - 4, 'text-anchor': 'middle', class: 'label' }, label.slice(5)) : null,
    )
    .filter((tick): tick is SVGElement => tick !== null);
  const label = series
    .map((line) => `${line.name}: ${line.values.map((value, n) => `${labels[n]} ${value === null ? '–' : Math.round(value * 10) / 10}`).join(', ')}`)
    .join('; ');
  return chart('trend', width, height, label, ...lines, ...ticks);
}
