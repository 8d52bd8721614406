import { describe, expect, it } from 'vitest';
import { createDropNotes } from '../../src/outbox/drop-notes.js';
import { openOutbox, track, useSink } from './helpers.js';

useSink();

describe('drops noted for the next page (issue 18.4)', () => {
  it('reports, counts and clears the drops an earlier page noted but could not report', async () => {
    const namespace = `notes-${Math.random().toString(36).slice(2)}`;
    // As a page closed halfway through trimming leaves it: 1,500 deleted, no report made.
    createDropNotes(namespace).add(1_500);
    const { outbox, errors } = openOutbox({ namespace });
    track(outbox, 3);
    const result = await outbox.flush();
    expect(result.dropped).toBe(1_500);
    expect(errors.map((error) => [error.code, (error.details as { count: number }).count])).toEqual([['records_dropped', 1_500]]);
    expect(outbox.stats().dropped).toBe(1_500);
    expect(createDropNotes(namespace).take()).toBe(0);
  });

  it('leaves nothing noted once a trim has reported its own drops', async () => {
    const { outbox, namespace, errors } = openOutbox({ endpoint: () => undefined, delivery: { maxRecords: 100 } });
    track(outbox, 1_150);
    expect((await outbox.flush()).dropped).toBe(1_050);
    expect(errors.map((error) => (error.details as { count: number }).count)).toEqual([1_050]);
    expect(createDropNotes(namespace).take()).toBe(0);
  });
});
