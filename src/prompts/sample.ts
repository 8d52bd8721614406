/**
 * Where a visitor falls in [0, 1) for one prompt: the same every time for the same visitor and
 * prompt (a dice roll per trigger would let `sample: 0.1` reach everyone after ten triggers).
 * FNV-1a over the ids, then murmur3's final mix so similar ids spread evenly.
 */
export function sampleBucket(anonymousId: string, promptId: string): number {
  const key = `${anonymousId}\u0000${promptId}`;
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return ((hash ^ (hash >>> 16)) >>> 0) / 2 ** 32;
}
