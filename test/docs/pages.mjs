import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = `${join(import.meta.dirname, '../..')}/`;

/** The pages users read and copy from: the README, CONTRIBUTING.md and every page under docs/. */
export function documentationFiles() {
  const pages = readdirSync(join(ROOT, 'docs')).filter((name) => name.endsWith('.md'));
  return ['README.md', 'CONTRIBUTING.md', ...pages.sort().map((name) => `docs/${name}`)];
}
