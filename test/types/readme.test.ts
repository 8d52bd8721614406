// @vitest-environment node
import { beforeAll, describe, expect, it } from 'vitest';
import { compileSnippets, readmeSnippets } from './readme-snippets.js';

// The README is the first code users copy: every TypeScript and JavaScript snippet in it must
// compile against the published types under the strictest flags (issue 11).
describe('README snippets against the public types', () => {
  const snippets = readmeSnippets();
  // A misuse compiled alongside proves the check can fail and points at the right line.
  const misuse = { file: 'misuse.md', line: 7, code: "import { init } from 'waymark';\ninit({ userId: 42 });\n" };
  let problems: string[] = [];
  beforeAll(() => {
    problems = compileSnippets([...snippets, misuse]);
  }, 120_000);

  it('finds the snippets, the quick start and the server example among them', () => {
    expect(snippets.length).toBeGreaterThanOrEqual(5);
    expect(snippets.some(({ code }) => code.includes('userId: session.user?.id'))).toBe(true);
    expect(snippets.some(({ code }) => code.includes("from 'waymark/server'"))).toBe(true);
  });

  it('compile with strict, exactOptionalPropertyTypes, noUncheckedIndexedAccess and the rest', () => {
    expect(problems.filter((problem) => !problem.startsWith('misuse.md'))).toEqual([]);
  });

  it('a misuse of the API is reported at its line', () => {
    expect(problems.filter((problem) => problem.startsWith('misuse.md'))).toEqual([
      expect.stringMatching(/^misuse\.md:9 TS2322:/),
    ]);
  });
});
