import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
export function headingAnchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function anchorsOf(markdown: string): Set<string> {
  const headings = markdown.split('\n').filter((line) => /^#{1,6} /.test(line));
  return new Set(headings.map((line) => headingAnchor(line.replace(/^#+ /, ''))));
}

/** Relative links of a Markdown file (`[text](target)`, images included), outside code. */
export function relativeLinks(markdown: string): { line: number; target: string }[] {
  const links: { line: number; target: string }[] = [];
  let fenced = false;
  markdown.split('\n').forEach((text, index) => {
    if (text.startsWith('```')) fenced = !fenced;
    if (fenced) return;
    const prose = text.replace(/`[^`]*`/g, '');
    for (const [, target] of prose.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (!/^[a-z]+:/.test(target!)) links.push({ line: index + 1, target: target! });
    }
  });
  return links;
}

/** Links of `file` (relative to `root`) whose file or heading does not exist. */
export function brokenLinks(root: string, file: string): string[] {
  const markdown = readFileSync(join(root, file), 'utf8');
  return relativeLinks(markdown).flatMap(({ line, target }) => {
    const [path, anchor] = target.split('#') as [string, string | undefined];
    const resolved = path ? normalize(join(dirname(join(root, file)), path)) : join(root, file);
    if (!existsSync(resolved)) return [`${file}:${line}: ${target} (no such file)`];
    if (anchor === undefined || statSync(resolved).isDirectory() || !resolved.endsWith('.md')) return [];
    return anchorsOf(readFileSync(resolved, 'utf8')).has(anchor) ? [] : [`${file}:${line}: ${target} (no such heading)`];
  });
}
