import { jsonErrorOffset } from './json-locate.js';

export type JsonTextResult = { ok: true; value: unknown } | { ok: false; message: string };

/**
 * JSON.parse, with the failure turned into a `line L, column C` a person can find. A leading
 * byte-order mark is dropped, as `fetch`'s `text()` does (Encoding Standard, UTF-8 decode),
 * so a file saved "with BOM" validates the same everywhere.
 */
export function parseJsonText(text: string): JsonTextResult {
  text = withoutByteOrderMark(text);
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const raw = error instanceof Error ? error.message : String(error);
    const where = locate(text, raw);
    const reason = raw
      .replace(/\s*\(line \d+ column \d+\)/, '')
      .replace(/ in JSON at position \d+.*$/, '')
      .replace(/, (".*" is not valid JSON|\.\.\.).*$/s, '');
    return { ok: false, message: `invalid JSON at line ${where.line}, column ${where.column}: ${reason}` };
  }
}

/** Engines word positions differently (V8: "position N" or "line L column C"; Firefox: "line L column C"). */
function locate(text: string, message: string): { line: number; column: number } {
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) return { line: Number(lineColumn[1]), column: Number(lineColumn[2]) };
  const position = /position (\d+)/.exec(message);
  const offset = position ? Number(position[1]) : jsonErrorOffset(text);
  return lineColumnAt(text, offset < 0 ? text.length : offset);
}

export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lines = before.split('\n');
  return { line: lines.length, column: (lines[lines.length - 1]?.length ?? 0) + 1 };
}

export const withoutByteOrderMark = (text: string) => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
