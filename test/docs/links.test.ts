// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { brokenLinks, headingAnchor, relativeLinks } from './links.js';
import { documentationFiles, ROOT } from './pages.mjs';

// The README was split into docs/ pages (issue 16): every link between them must still land.
describe('links in the README and docs/', () => {
  const files = documentationFiles();

  it('reach a file that exists and, with a #fragment, a heading in it', () => {
    expect(files.flatMap((file) => brokenLinks(ROOT, file))).toEqual([]);
  });

  it('are found, the README linking every docs/ page', () => {
    expect(files.length).toBeGreaterThanOrEqual(12);
    const readme = relativeLinks(readFileSync(`${ROOT}README.md`, 'utf8')).map(({ target }) => target);
    expect(files.filter((file) => file.startsWith('docs/') && !readme.includes(file))).toEqual([]);
  });

  it('anchors headings as GitHub does', () => {
    expect(headingAnchor("Why didn't my prompt show?")).toBe('why-didnt-my-prompt-show');
    expect(headingAnchor('For developers: the widgets chunk')).toBe('for-developers-the-widgets-chunk');
    expect(headingAnchor('Ingest: `POST /collect`')).toBe('ingest-post-collect');
  });
});
