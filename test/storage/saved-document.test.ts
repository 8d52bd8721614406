import { describe, expect, it } from 'vitest';
import { createSavedDocument } from '../../src/storage/saved-document.js';

const open = () => {
  const id = Math.random().toString(36).slice(2);
  const copyKey = `copy-${id}`;
  return { saved: createSavedDocument(`doc-${id}`, 'doc', 'state', copyKey), copyKey };
};

describe('a saved document (the profile, the points ledger)', () => {
  it('reads back what it wrote, with the time it was saved', async () => {
    const { saved } = open();
    expect(await saved.readStored()).toEqual([undefined, undefined]);
    await saved.write({ points: 5 }, 1_000);
    expect(await saved.readStored()).toEqual([{ points: 5 }, 1_000]);
  });

  it('prefers the synchronous copy of a page that closed before its write committed', async () => {
    const { saved } = open();
    await saved.write({ points: 5 }, 1_000);
    saved.copy({ points: 9 }, 2_000);
    const [, savedAt] = await saved.readStored();
    expect(saved.newerCopy(savedAt)).toEqual({ data: { points: 9 } });
  });

  it('ignores a copy older than what IndexedDB holds, and drops the copy once a write as recent commits', async () => {
    const { saved, copyKey } = open();
    saved.copy({ points: 1 }, 500);
    await saved.write({ points: 5 }, 1_000);
    expect(localStorage.getItem(copyKey)).toBeNull();
    saved.copy({ points: 2 }, 800);
    expect(saved.newerCopy(1_000)).toBeNull();
  });

  it('removes the document, and the tombstone copy once the removal commits', async () => {
    const { saved } = open();
    await saved.write({ points: 5 }, 1_000);
    saved.copy(null, 2_000);
    await saved.remove(2_000);
    expect(await saved.readStored()).toEqual([undefined, undefined]);
    expect(saved.newerCopy(undefined)).toBeNull();
  });

  it('rejects, rather than throws, where there is no IndexedDB', async () => {
    const { indexedDB } = globalThis;
    // @ts-expect-error: a browser without IndexedDB (some private modes)
    delete globalThis.indexedDB;
    try {
      const { saved } = open();
      await expect(saved.readStored()).rejects.toBeDefined();
      await expect(saved.write({}, 1)).rejects.toBeDefined();
    } finally {
      globalThis.indexedDB = indexedDB;
    }
  });
});
