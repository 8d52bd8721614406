// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createBatchWriter } from '../../src/collector/batch-writer.js';
import type { Committed } from '../../src/collector/commit.js';
import type { Batch } from '../../src/collector/records.js';

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

const batchOf = (...ids: string[]): Batch => ({
  touchpoints: ids.map((id) => ({
    id,
    name: 'share',
    props: {},
    ts: '2026-01-01T00:00:00.000Z',
    anonymousId: 'v',
    userId: null,
    sessionId: 's',
    page: { url: '', path: '', referrer: '', title: '' },
  })),
  meta: { receivedAt: new Date(0), writeKey: null, trusted: false },
});

/** A commit that stores nothing and answers when the test says so; it fails any group holding a "poison" record. */
function heldCommit() {
  const groups: string[][] = [];
  const releases: Array<() => void> = [];
  const commit = (batches: Batch[]) => {
    groups.push(batches.flatMap((batch) => batch.touchpoints.map((touchpoint) => touchpoint.id)));
    return new Promise<Committed[]>((resolve, reject) => {
      releases.push(() => {
        if (batches.some((batch) => batch.touchpoints.some((touchpoint) => touchpoint.id === 'poison'))) reject(new Error('refused'));
        else resolve(batches.map((batch) => ({ inserted: new Set(batch.touchpoints.map((touchpoint) => touchpoint.id)), refused: [] })));
      });
    });
  };
  const releaseAll = async () => {
    while (releases.length) {
      releases.shift()!();
      await nextTurn();
    }
  };
  return { commit, groups, releaseAll };
}

describe('the batch writer (group commit)', () => {
  it('takes the batches of one event-loop turn together, then every batch that waited meanwhile', async () => {
    const { commit, groups, releaseAll } = heldCommit();
    const writer = createBatchWriter(commit, { maxInFlight: 1, maxRecords: 100 });
    const sameTurn = [writer.write(batchOf('a')), writer.write(batchOf('x'))];
    await nextTurn();
    expect(groups).toEqual([['a', 'x']]);
    const writes = [...sameTurn, writer.write(batchOf('b')), writer.write(batchOf('c', 'd'))];
    await nextTurn();
    expect(groups).toEqual([['a', 'x']]);
    await releaseAll();
    const answers = await Promise.all(writes);
    expect(groups).toEqual([
      ['a', 'x'],
      ['b', 'c', 'd'],
    ]);
    expect(answers.map((answer) => [...answer.inserted])).toEqual([['a'], ['x'], ['b'], ['c', 'd']]);
    await writer.settled();
  });

  it('keeps a transaction under maxRecords, and runs up to maxInFlight at once', async () => {
    const { commit, groups, releaseAll } = heldCommit();
    const writer = createBatchWriter(commit, { maxInFlight: 2, maxRecords: 3 });
    const writes = ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => writer.write(batchOf(id, `${id}2`)));
    await nextTurn();
    expect(groups).toEqual([
      ['a', 'a2'],
      ['b', 'b2'],
    ]);
    await releaseAll();
    await Promise.all(writes);
    expect(groups.map((group) => group.length)).toEqual([2, 2, 2, 2, 2, 2]);
  });

  it('when a group fails, tries each of its batches alone: only the batch at fault fails', async () => {
    const { commit, groups, releaseAll } = heldCommit();
    const writer = createBatchWriter(commit, { maxInFlight: 1, maxRecords: 100 });
    const first = writer.write(batchOf('a'));
    await nextTurn();
    const good = writer.write(batchOf('b'));
    const bad = writer.write(batchOf('poison'));
    const settled = Promise.allSettled([first, good, bad]);
    await releaseAll();
    const [one, two, three] = await settled;
    expect(groups).toEqual([['a'], ['b', 'poison'], ['b'], ['poison']]);
    expect([one.status, two.status, three.status]).toEqual(['fulfilled', 'fulfilled', 'rejected']);
    expect((three as PromiseRejectedResult).reason.message).toBe('refused');
  });

  it('settles only once nothing waits and nothing is being written', async () => {
    const { commit, releaseAll } = heldCommit();
    const writer = createBatchWriter(commit, { maxInFlight: 1, maxRecords: 100 });
    void writer.write(batchOf('a'));
    void writer.write(batchOf('b'));
    let settled = false;
    const waiting = writer.settled().then(() => (settled = true));
    await nextTurn();
    expect(settled).toBe(false);
    await releaseAll();
    await waiting;
    expect(settled).toBe(true);
  });
});
