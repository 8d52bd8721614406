// @vitest-environment node
import { beforeAll, describe, expect, it } from 'vitest';
import { compileSnippets, documentationSnippets } from './snippets.js';

// The README and docs/ are the first code users copy: every TypeScript and JavaScript snippet
// in them must compile against the published types under the strictest flags (issues 11, 16).
describe('documentation snippets against the public types', () => {
  const snippets = documentationSnippets();
  // A misuse compiled alongside proves the check can fail and points at the right line.
  const misuse = { file: 'misuse.md', line: 7, code: "import { init } from 'waymark';\ninit({ userId: 42 });\n" };
  let problems: string[] = [];
  beforeAll(() => {
    problems = compileSnippets([...snippets, misuse]);
  }, 120_000);

  it('finds the snippets of the README and of the docs pages, the quick start and the server example among them', () => {
    expect(snippets.length).toBeGreaterThanOrEqual(10);
    expect(snippets.some(({ file }) => file === 'README.md')).toBe(true);
    expect(snippets.some(({ file }) => file === 'docs/rewards.md')).toBe(true);
    expect(snippets.some(({ file }) => file === 'docs/collector.md')).toBe(true);
    expect(snippets.some(({ code }) => code.includes('userId: session.user?.id'))).toBe(true);
    expect(snippets.some(({ code }) => code.includes("from 'waymark/server'"))).toBe(true);
  });

  it('compile with strict, exactOptionalPropertyTypes, noUncheckedIndexedAccess and the rest', () => {
    expect(problems.filter((problem) => !problem.startsWith('misuse.md'))).toEqual([]);
  });

  it('a misuse of the API is reported at its line', () => {
    expect(problems.filter((problem) => problem.startsWith('misuse.md'))).toEqual([expect.stringMatching(/^misuse\.md:9 TS2322:/)]);
  });
});
