import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatPath, type PathSegment } from '../../src/config/paths.js';
import { jsonPathPositions, positionOfPath } from '../../src/cli/json-positions.js';

const text = `{
  "version": 1,
  "prompts": [
    { "id": "a\\"b", "kind": "nps" },
    [1, [2, 3]],
    "x"
  ],
  "empty": {}, "list": []
}`;

describe('jsonPathPositions', () => {
  const positions = jsonPathPositions(text);

  it('places object members at their key and array items at their value', () => {
    expect(positions.get('(root)')).toEqual({ line: 1, column: 1 });
    expect(positions.get('version')).toEqual({ line: 2, column: 3 });
    expect(positions.get('prompts')).toEqual({ line: 3, column: 3 });
    expect(positions.get('prompts[0]')).toEqual({ line: 4, column: 5 });
    expect(positions.get('prompts[0].id')).toEqual({ line: 4, column: 7 });
    expect(positions.get('prompts[0].kind')).toEqual({ line: 4, column: 21 });
    expect(positions.get('prompts[1][1][0]')).toEqual({ line: 5, column: 10 });
    expect(positions.get('prompts[2]')).toEqual({ line: 6, column: 5 });
    expect(positions.get('list')).toEqual({ line: 8, column: 16 });
  });

  it('falls back to the nearest ancestor for paths that are not in the text', () => {
    expect(positionOfPath(positions, 'prompts[0].trigger.on')).toEqual({ line: 4, column: 5 });
    expect(positionOfPath(positions, 'prompts[7]')).toEqual({ line: 3, column: 3 });
    expect(positionOfPath(positions, 'nothing.here')).toEqual({ line: 1, column: 1 });
    expect(positionOfPath(new Map(), 'a.b')).toEqual({ line: 1, column: 1 });
  });

  it('counts CRLF line endings as one line break', () => {
    const crlf = jsonPathPositions('{\r\n  "a": {\r\n    "b": true\r\n  }\r\n}');
    expect(crlf.get('a.b')).toEqual({ line: 3, column: 5 });
  });

  it('keeps what it found when the text turns out not to be JSON', () => {
    const broken = jsonPathPositions('{ "a": 1, "b": [ 2, ');
    expect(broken.get('a')).toEqual({ line: 1, column: 3 });
    expect(broken.get('b')).toEqual({ line: 1, column: 11 });
  });

  it('points every path of any pretty-printed document at its key or value', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.constantFrom(0, 2, '\t'), (value, indent) => {
        const source = JSON.stringify(value, null, indent);
        const positions = jsonPathPositions(source);
        const lines = source.split('\n');
        const textAt = (path: PathSegment[]) => {
          const at = positions.get(formatPath(path));
          expect(at, formatPath(path)).toBeDefined();
          return lines[at!.line - 1]!.slice(at!.column - 1);
        };
        const visit = (node: unknown, path: PathSegment[]) => {
          if (Array.isArray(node)) {
            node.forEach((item, index) => {
              expect(textAt([...path, index])[0]).toBe(JSON.stringify(item)[0]);
              visit(item, [...path, index]);
            });
          } else if (node !== null && typeof node === 'object') {
            for (const [key, item] of Object.entries(node)) {
              // Keys with path punctuation cannot be told apart in the dotted form; skip those.
              if (/[.[\]]/.test(key) || key === '' || key === '__proto__') continue;
              expect(textAt([...path, key]).startsWith(JSON.stringify(key))).toBe(true);
              visit(item, [...path, key]);
            }
          }
        };
        visit(value, []);
      }),
      { numRuns: 200 },
    );
  });
});
