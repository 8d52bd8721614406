import { formatPath, type PathSegment } from '../config/paths.js';

export interface Position {
  line: number;
  column: number;
}

/**
 * Where each JSON path starts in the source text: `prompts[0].trigger` → the line:column of
 * the `"trigger"` key (array items: of the item itself). JSON.parse keeps no positions, so
 * this small scanner walks the text once. Input is assumed to be valid JSON (parse errors
 * are reported with their own position before paths matter); on anything unexpected it
 * stops and returns what it has.
 */
export function jsonPathPositions(text: string): Map<string, Position> {
  const positions = new Map<string, Position>();
  const positionOf = lineLocator(text);

  let at = 0;
  const skipSpace = () => {
    while (at < text.length && ' \t\r\n\uFEFF'.includes(text[at]!)) at++;
  };
  const readString = (): string => {
    const start = at;
    for (at++; at < text.length && text[at] !== '"'; at++) if (text[at] === '\\') at++;
    at++;
    return JSON.parse(text.slice(start, at)) as string;
  };
  const skipScalar = () => {
    while (at < text.length && !',]} \t\r\n'.includes(text[at]!)) at++;
  };
  const value = (path: PathSegment[]): void => {
    skipSpace();
    const key = formatPath(path);
    if (!positions.has(key)) positions.set(key, positionOf(at));
    const char = text[at];
    if (char === '{') {
      at++;
      for (skipSpace(); text[at] === '"'; skipSpace()) {
        const memberStart = at;
        const member = [...path, readString()];
        positions.set(formatPath(member), positionOf(memberStart));
        skipSpace();
        if (text[at] !== ':') throw new SyntaxError('expected ":"');
        at++;
        value(member);
        skipSpace();
        if (text[at] === ',') at++;
      }
      if (text[at] !== '}') throw new SyntaxError('expected "}"');
      at++;
    } else if (char === '[') {
      at++;
      skipSpace();
      for (let index = 0; at < text.length && text[at] !== ']'; index++) {
        value([...path, index]);
        skipSpace();
        if (text[at] === ',') at++;
      }
      at++;
    } else if (char === '"') readString();
    else skipScalar();
  };
  try {
    value([]);
  } catch {
    // Not valid JSON after all: keep the positions found so far.
  }
  return positions;
}

/** Turns an offset into `text` into its 1-based line and column, by binary search over line starts. */
function lineLocator(text: string): (offset: number) => Position {
  const lineStarts = [0];
  for (let index = 0; index < text.length; index++) if (text[index] === '\n') lineStarts.push(index + 1);
  return (offset) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (lineStarts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - lineStarts[low]! + 1 };
  };
}

/**
 * The position of a problem's path, or of its nearest ancestor that exists in the text (a
 * missing key is reported where its parent object starts).
 */
export function positionOfPath(positions: Map<string, Position>, path: string): Position {
  for (let candidate = path; ; ) {
    const found = positions.get(candidate);
    if (found) return found;
    const parent = candidate.replace(/(\[\d+\]|\.?[^.[\]]+)$/, '');
    if (parent === candidate || !parent) return positions.get('(root)') ?? { line: 1, column: 1 };
    candidate = parent;
  }
}
