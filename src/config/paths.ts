export type PathSegment = string | number;

/** `['prompts', 0, 'trigger']` → `prompts[0].trigger`; the empty path is `(root)`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += (out ? '.' : '') + String(segment);
  }
  return out || '(root)';
}
