import { printable } from './printable.js';

/**
 * A plain-text table: columns padded to their widest cell, numbers aligned right. Cells come
 * from visitors' touchpoints, so control characters are escaped.
 */
export function formatTable(headers: string[], rows: Array<Array<string | number>>): string {
  const cells = [headers, ...rows.map((row) => row.map((cell) => printable(String(cell))))];
  const numeric = headers.map(
    (_, column) => rows.length > 0 && rows.every((row) => typeof row[column] === 'number' || /^[-+]?\d[\d.,]*%?$/.test(String(row[column] ?? ''))),
  );
  const widths = headers.map((_, column) => Math.max(...cells.map((row) => [...(row[column] ?? '')].length)));
  const line = (row: string[]) =>
    row
      .map((cell, column) => {
        const pad = ' '.repeat(widths[column]! - [...cell].length);
        return numeric[column] ? pad + cell : cell + pad;
      })
      .join('  ')
      .trimEnd();
  return `${[line(cells[0]!), widths.map((width) => '─'.repeat(width)).join('  '), ...cells.slice(1).map(line)].join('\n')}\n`;
}
