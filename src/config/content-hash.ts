/**
 * The content hash of a compiled config. It tells a hand edit from the file `waymark build`
 * wrote, so a changed config is validated again; it is not a signature (whoever can edit the
 * file can rebuild it, and the browser trusts the config's author either way). Two 32-bit
 * multiply-xor lanes: sync, a few hundred bytes, and available where `crypto.subtle` is not
 * (pages served over plain http).
 */
export function contentHash(value: unknown): string {
  const text = canonicalJson(value);
  let high = 0x811c9dc5;
  let low = 0x9e3779b9;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    high = Math.imul(high ^ code, 0x01000193);
    low = Math.imul(low ^ code, 0x5bd1e995);
    low ^= low >>> 15;
  }
  // Mixing each lane into the other spreads a one-character change over all 64 bits.
  high = Math.imul(high ^ (low >>> 16), 0x85ebca6b);
  low = Math.imul(low ^ (high >>> 13), 0xc2b2ae35);
  const hex = (lane: number) => (lane >>> 0).toString(16).padStart(8, '0');
  return hex(high ^ (high >>> 16)) + hex(low ^ (low >>> 16));
}

/** JSON with keys sorted at every level, so re-indenting or reordering keys keeps the hash. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const members = Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`);
    return `{${members.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
