/**
 * Tiny SVG charts for the report: horizontal bars, one stacked bar, columns. Each chart is
 * an <svg role="img"> with a text alternative, so numbers are readable without the picture.
 */
const NS = 'http://www.w3.org/2000/svg';

export function svg(tag, attributes = {}, ...children) {
  const node = document.createElementNS(NS, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  node.append(...children);
  return node;
}

const chart = (width, height, label, ...children) =>
  svg('svg', { viewBox: `0 0 ${width} ${height}`, width: '100%', role: 'img', 'aria-label': label, class: 'chart' }, svg('title', {}, label), ...children);

/** One bar per row, longest = full width: `rows` are `{ label, value, text?, color? }`. */
export function horizontalBars(rows, { width = 340, barHeight = 20, labelWidth = 110, valueWidth = 80, color = 'var(--accent)', max } = {}) {
  const top = max ?? Math.max(1, ...rows.map((row) => row.value));
  const room = width - labelWidth - valueWidth;
  const gap = 8;
  const height = rows.length * (barHeight + gap);
  return chart(
    width,
    Math.max(height, barHeight),
    rows.map((row) => `${row.label}: ${row.text ?? row.value}`).join(', '),
    ...rows.flatMap((row, index) => {
      const y = index * (barHeight + gap);
      const length = Math.max(row.value > 0 ? 2 : 0, (row.value / top) * room);
      return [
        svg('text', { x: labelWidth - 8, y: y + barHeight * 0.7, 'text-anchor': 'end', class: 'label' }, truncate(row.label, Math.floor(labelWidth / 7))),
        svg('rect', { x: labelWidth, y, width: room, height: barHeight, rx: 4, class: 'track' }),
        svg('rect', { x: labelWidth, y, width: length, height: barHeight, rx: 4, fill: row.color ?? color }),
        svg('text', { x: labelWidth + length + 6, y: y + barHeight * 0.7, class: 'value' }, row.text ?? String(row.value)),
      ];
    }),
  );
}

/** Segments side by side in one bar of full width: `{ label, value, color }`. */
export function stackedBar(segments, { width = 340, height = 24 } = {}) {
  const total = segments.reduce((sum, segment) => sum + segment.value, 0) || 1;
  let x = 0;
  return chart(
    width,
    height + 22,
    segments.map((segment) => `${segment.label}: ${segment.value}`).join(', '),
    ...segments.flatMap((segment) => {
      const length = (segment.value / total) * width;
      const start = x;
      x += length;
      if (!segment.value) return [];
      return [
        svg('rect', { x: start, y: 0, width: length, height, fill: segment.color }),
        svg('text', { x: start + length / 2, y: height + 16, 'text-anchor': 'middle', class: 'label' }, `${segment.label} ${segment.value}`),
      ];
    }),
  );
}

/** Vertical columns for a score distribution: `columns` are `{ label, value, color? }`. */
export function columnChart(columns, { width = 340, height = 110, color = 'var(--accent)' } = {}) {
  const top = Math.max(1, ...columns.map((column) => column.value));
  const slot = width / Math.max(columns.length, 1);
  const room = height - 36;
  return chart(
    width,
    height,
    columns.map((column) => `${column.label}: ${column.value}`).join(', '),
    ...columns.flatMap((column, index) => {
      const barHeight = (column.value / top) * room;
      const x = index * slot + slot * 0.15;
      return [
        svg('rect', { x, y: room - barHeight + 14, width: slot * 0.7, height: Math.max(barHeight, column.value ? 2 : 0), rx: 3, fill: column.color ?? color }),
        svg('text', { x: x + slot * 0.35, y: room - barHeight + 10, 'text-anchor': 'middle', class: 'value' }, column.value ? String(column.value) : ''),
        svg('text', { x: x + slot * 0.35, y: height - 4, 'text-anchor': 'middle', class: 'label' }, column.label),
      ];
    }),
  );
}

const truncate = (text, length) => (text.length > length ? `${text.slice(0, length - 1)}…` : text);
