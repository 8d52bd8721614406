import { describe, expect, it } from 'vitest';
import { DEFAULT_DELIVERY } from '../../src/outbox/index.js';
import { batchLength, overLimits } from '../../src/outbox/limits.js';
import { recordKey } from '../../src/outbox/store.js';
import { openOutbox, touchpoint, track, useSink } from './helpers.js';

const sink = useSink();
const DAY = 86_400_000;
/** A UUIDv7-shaped id for any time (the generator itself never goes back in time). */
const idAt = (at: number, sequence: number) => {
  const ms = at.toString(16).padStart(12, '0');
  return `${ms.slice(0, 8)}-${ms.slice(8)}-7${sequence.toString(16).padStart(3, '0')}-8000-000000000000`;
};
const keyOf = (at: number, bytes: number) => recordKey(idAt(at, counter++), 'x'.repeat(bytes));
let counter = 0;

describe('overLimits', () => {
  const now = Date.now();
  it('keeps the newest maxRecords', () => {
    const keys = Array.from({ length: 12 }, () => keyOf(now, 10));
    expect(overLimits(keys, { ...DEFAULT_DELIVERY, maxRecords: 5 }, now)).toEqual(keys.slice(0, 7));
  });
  it('keeps the newest records within maxBytes', () => {
    const keys = Array.from({ length: 10 }, () => keyOf(now, 100));
    expect(overLimits(keys, { ...DEFAULT_DELIVERY, maxBytes: 350 }, now)).toEqual(keys.slice(0, 7));
  });
  it('drops records older than maxAgeDays', () => {
    const keys = [keyOf(now - 9 * DAY, 10), keyOf(now - 7 * DAY - 1000, 10), keyOf(now - 6 * DAY, 10), keyOf(now, 10)];
    expect(overLimits(keys, DEFAULT_DELIVERY, now)).toEqual(keys.slice(0, 2));
  });
  it('drops keys it cannot read as a record key', () => {
    expect(overLimits(['garbage', keyOf(now, 10)], DEFAULT_DELIVERY, now)).toEqual(['garbage']);
  });
});

describe('batchLength', () => {
  it('fits records within batchBytes, at least one', () => {
    const keys = Array.from({ length: 10 }, () => keyOf(Date.now(), 300));
    expect(batchLength(keys, 1000)).toBe(3);
    expect(batchLength(keys, 100)).toBe(1);
    expect(batchLength(keys, 1e9)).toBe(10);
  });
});

describe('outbox limits', () => {
  it('drops the oldest over maxRecords, counts them and reports once', async () => {
    let endpoint: string | undefined;
    const { outbox, errors } = openOutbox({ endpoint: () => endpoint, delivery: { maxRecords: 100 } });
    const records = track(outbox, 150);
    expect(await outbox.flush()).toEqual({ sent: 0, retried: 0, dropped: 50, pending: 100 });
    expect(errors.map((error) => [error.code, (error.details as { count: number }).count])).toEqual([['records_dropped', 50]]);
    expect(outbox.stats()).toMatchObject({ dropped: 50, pending: 100 });
    endpoint = 'http://localhost:3000/collect';
    await outbox.flush();
    expect(sink.ids()).toEqual(records.slice(50).map((record) => record.id));
  });

  it('drops the oldest over maxBytes', async () => {
    const records = Array.from({ length: 30 }, (_, index) => touchpoint(index));
    const newest20 = records.slice(10).reduce((sum, record) => sum + JSON.stringify(record).length, 0);
    const { outbox } = openOutbox({ delivery: { maxBytes: newest20 + 10 } });
    for (const record of records) outbox.add(record);
    expect(await outbox.flush()).toMatchObject({ sent: 20, dropped: 10 });
    expect(sink.ids()).toEqual(records.slice(10).map((record) => record.id));
  });

  it('drops records past maxAgeDays', async () => {
    const { outbox, errors } = openOutbox({ delivery: { maxAgeDays: 7 } });
    const old = [1, 2, 3, 4].map((index) => ({ ...touchpoint(index), id: idAt(Date.now() - 8 * DAY, index) }));
    const fresh = [5, 6, 7].map((index) => ({ ...touchpoint(index), id: idAt(Date.now() - 6 * DAY, index) }));
    for (const record of [...old, ...fresh]) outbox.add(record);
    expect(await outbox.flush()).toEqual({ sent: 3, retried: 0, dropped: 4, pending: 0 });
    expect(errors.map((error) => error.code)).toEqual(['records_dropped']);
    expect(sink.ids()).toEqual(fresh.map((record) => record.id));
  });

  it('sends batches of at most batchSize records and about batchBytes', async () => {
    const { outbox } = openOutbox({ delivery: { batchSize: 20, batchBytes: 4000 } });
    track(outbox, 100);
    await outbox.flush();
    const sizes = sink.accepted().map((request) => request.body.batch.length);
    const perRecord = JSON.stringify(touchpoint(1)).length;
    expect(Math.max(...sizes)).toBe(Math.min(20, Math.floor(4000 / perRecord)));
    expect(sizes.reduce((sum, size) => sum + size, 0)).toBe(100);
  });
});

describe('delivery options', () => {
  it('falls back to the defaults for values that are not sane positive numbers', async () => {
    const { outbox } = openOutbox({ delivery: { batchSize: 0, batchBytes: -1, maxRecords: Number.NaN, flushIntervalMs: Infinity } });
    track(outbox, 120);
    await outbox.flush();
    expect(
      sink
        .accepted()
        .map((request) => request.body.batch.length)
        .sort((a, b) => b - a),
    ).toEqual([50, 50, 20]);
  });
});
