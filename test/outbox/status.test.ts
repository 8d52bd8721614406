import { HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openOutbox, track, useSink } from './helpers.js';

const sink = useSink();
afterEach(() => vi.useRealTimers());

/** Moves the clock past any scheduled retry without touching timers IndexedDB relies on. */
function skipBackoff(ms = 10 * 60_000) {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(Date.now() + ms);
}

describe('2xx', () => {
  it('delivers every record once in the DESIGN.md wire format and empties the outbox', async () => {
    const { outbox, flushes } = openOutbox({ writeKey: 'wk_test' });
    const records = track(outbox, 120);
    const result = await outbox.flush();
    expect(result).toEqual({ sent: 120, retried: 0, dropped: 0, pending: 0 });
    expect(flushes.at(-1)).toEqual(result);
    expect(sink.ids()).toHaveLength(120);
    expect(new Set(sink.ids())).toEqual(new Set(records.map((record) => record.id)));
    const [first] = sink.requests;
    expect(first!.headers.get('content-type')).toBe('text/plain;charset=UTF-8');
    expect([...first!.headers.keys()].filter((name) => name.startsWith('x-'))).toEqual([]);
    expect(Object.keys(first!.body).sort()).toEqual(['attempt', 'batch', 'sdk', 'sentAt', 'writeKey']);
    expect(first!.body).toMatchObject({ writeKey: 'wk_test', sdk: 'waymark@0.1.0', attempt: 0 });
    expect(first!.body.batch[0]).toEqual(records[0]);
    expect(outbox.stats()).toMatchObject({ pending: 0, sent: 120, dropped: 0, retries: 0, storage: 'indexeddb', lastError: null });
    expect(await outbox.flush()).toEqual({ sent: 0, retried: 0, dropped: 0, pending: 0 });
    expect(sink.ids()).toHaveLength(120);
  });

  it('passes the parsed JSON answer to onResponse', async () => {
    sink.respond = () => HttpResponse.json({ points: 42 });
    const { outbox, responses } = openOutbox();
    track(outbox, 3);
    await outbox.flush();
    expect(responses).toEqual([{ points: 42 }]);
  });

  it('sends custom headers only when configured', async () => {
    const { outbox } = openOutbox({ headers: { 'x-api-key': 'k' } });
    track(outbox, 1);
    await outbox.flush();
    expect(sink.requests[0]!.headers.get('x-api-key')).toBe('k');
  });

  it('encodes for the Segment batch API with format: segment', async () => {
    const { outbox } = openOutbox({ format: 'segment' });
    const [record] = track(outbox, 1);
    await outbox.flush();
    const body = sink.requests[0]!.body as unknown as { batch: Array<Record<string, unknown>> };
    expect(body.batch[0]).toMatchObject({ type: 'track', event: 'evt', messageId: record!.id, anonymousId: 'anon-1' });
  });
});

describe('retryable answers', () => {
  const failures: Array<[string, () => Response]> = [
    ...[408, 429, 500, 502, 503, 504].map((status): [string, () => Response] => [String(status), () => new HttpResponse(null, { status })]),
    ['a network error', () => HttpResponse.error()],
  ];

  it.each(failures)('%s keeps the records, backs off, then retries them with the same ids', async (_, failure) => {
    let failing = true;
    sink.respond = () => (failing ? failure() : new HttpResponse(null, { status: 200 }));
    const { outbox, errors } = openOutbox();
    const records = track(outbox, 30);
    const before = Date.now();
    expect(await outbox.flush()).toEqual({ sent: 0, retried: 30, dropped: 0, pending: 30 });
    const stats = outbox.stats();
    expect(stats).toMatchObject({ pending: 30, retries: 30, sent: 0 });
    const retryAt = Date.parse(stats.nextAttemptAt!);
    expect(retryAt - before).toBeGreaterThanOrEqual(500);
    expect(retryAt - Date.now()).toBeLessThanOrEqual(1000);
    expect(errors.map((error) => error.code)).toEqual(['delivery_failed']);

    // A flush during the backoff respects it.
    const requestsSoFar = sink.requests.length;
    expect(await outbox.flush()).toMatchObject({ sent: 0, pending: 30 });
    expect(sink.requests.length).toBe(requestsSoFar);

    failing = false;
    skipBackoff();
    expect(await outbox.flush()).toEqual({ sent: 30, retried: 0, dropped: 0, pending: 0 });
    const delivered = sink.accepted();
    expect(delivered.flatMap((request) => request.body.batch)).toEqual(records);
    expect(delivered[0]!.body.attempt).toBe(1);
    expect(outbox.stats().nextAttemptAt).toBeNull();
  });

  it('18.11 a failed fetch is reported once as a network or CORS failure, not once per retry', async () => {
    sink.respond = () => HttpResponse.error();
    const { outbox, errors } = openOutbox();
    track(outbox, 5);
    for (let attempt = 0; attempt < 4; attempt++) {
      await outbox.flush();
      skipBackoff(Date.parse(outbox.stats().nextAttemptAt!) - Date.now() + 1);
    }
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'delivery_failed', details: { status: 0, reason: 'network_or_cors' } });
    expect(errors[0]!.message).toMatch(/network error or CORS refusal .*Access-Control-Allow-Origin/);
    expect(outbox.stats().lastError).toMatch(/CORS/);
  });

  it('grows the delay with each failure in a row', async () => {
    sink.respond = () => new HttpResponse(null, { status: 503 });
    const { outbox, errors } = openOutbox();
    track(outbox, 5);
    // The failure happened at some instant between `before` and `after`, so the delay it set
    // lies between these two bounds however slowly this machine ran the flush.
    const delays: Array<{ atMost: number; atLeast: number }> = [];
    for (let attempt = 0; attempt < 6; attempt++) {
      const before = Date.now();
      await outbox.flush();
      const after = Date.now();
      const retryAt = Date.parse(outbox.stats().nextAttemptAt!);
      delays.push({ atMost: retryAt - before, atLeast: retryAt - after });
      skipBackoff(retryAt - after + 1);
    }
    delays.forEach(({ atMost, atLeast }, attempt) => {
      expect(atMost).toBeGreaterThanOrEqual(500 * 2 ** attempt);
      expect(atLeast).toBeLessThanOrEqual(1000 * 2 ** attempt);
    });
    expect(sink.requests.map((request) => request.body.attempt)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(errors).toHaveLength(1); // one report per streak, not one per retry
    expect(outbox.stats().lastError).toMatch(/503/);
  });

  it('honours Retry-After in seconds and as a date', async () => {
    sink.respond = (_, index) =>
      new HttpResponse(null, { status: 429, headers: { 'retry-after': index === 0 ? '120' : new Date(Date.now() + 45_000).toUTCString() } });
    const { outbox } = openOutbox();
    track(outbox, 5);
    await outbox.flush();
    expect(Date.parse(outbox.stats().nextAttemptAt!) - Date.now()).toBeGreaterThan(119_000);
    expect(Date.parse(outbox.stats().nextAttemptAt!) - Date.now()).toBeLessThanOrEqual(120_000);
    skipBackoff(121_000);
    await outbox.flush();
    const wait = Date.parse(outbox.stats().nextAttemptAt!) - Date.now();
    expect(wait).toBeGreaterThan(40_000);
    expect(wait).toBeLessThanOrEqual(45_000);
  });
});

describe('final answers', () => {
  it.each([401, 403, 404, 409])('%i drops the batch and reports it', async (status) => {
    sink.respond = () => new HttpResponse('bad', { status });
    const { outbox, errors } = openOutbox();
    track(outbox, 12);
    expect(await outbox.flush()).toEqual({ sent: 0, retried: 0, dropped: 12, pending: 0 });
    expect(errors.map((error) => [error.code, (error.details as { count: number }).count])).toEqual([['delivery_failed', 12]]);
    expect(outbox.stats()).toMatchObject({ dropped: 12, pending: 0, nextAttemptAt: null });
    expect(await outbox.flush()).toMatchObject({ sent: 0, dropped: 0 });
    expect(sink.requests).toHaveLength(1);
  });
});

describe('400 and 422: one refused record', () => {
  it.each([400, 422])('18.8 %i splits the batch and drops only the refused record, with a reason', async (status) => {
    sink.respond = (received) => new HttpResponse(null, { status: received.body.batch.some((record) => record.props.index === 5) ? status : 200 });
    const { outbox, errors } = openOutbox();
    const records = track(outbox, 12);
    expect(await outbox.flush()).toEqual({ sent: 11, retried: 0, dropped: 1, pending: 0 });
    expect(sink.ids()).toEqual(records.filter((record) => record.props.index !== 5).map((record) => record.id));
    expect(errors.map((error) => [error.code, error.details])).toEqual([
      ['records_dropped', { count: 1, reason: `HTTP ${status}, the endpoint refused this record` }],
    ]);
    expect(outbox.stats()).toMatchObject({ dropped: 1, pending: 0 });
  });

  it('drops every record of a batch the endpoint refuses whole, one by one', async () => {
    sink.respond = () => new HttpResponse('bad', { status: 400 });
    const { outbox } = openOutbox();
    track(outbox, 4);
    expect(await outbox.flush()).toEqual({ sent: 0, retried: 0, dropped: 4, pending: 0 });
    console.log(`[status] a batch of 4 refused whole: ${sink.requests.length} requests to isolate every record`);
    expect(sink.requests).toHaveLength(7);
  });
});

describe('413', () => {
  it('splits the batch until each part fits, losing nothing', async () => {
    sink.respond = (received) => new HttpResponse(null, { status: received.body.batch.length > 7 ? 413 : 200 });
    const { outbox } = openOutbox();
    const records = track(outbox, 50);
    expect(await outbox.flush()).toEqual({ sent: 50, retried: 0, dropped: 0, pending: 0 });
    const accepted = sink.accepted();
    expect(Math.max(...accepted.map((request) => request.body.batch.length))).toBeLessThanOrEqual(7);
    expect(accepted.flatMap((request) => request.body.batch.map((record) => record.id))).toEqual(records.map((record) => record.id));
  });

  it('drops and counts a single record that is still too large', async () => {
    sink.respond = (received) => new HttpResponse(null, { status: received.body.batch.some((record) => record.props.index === 3) ? 413 : 200 });
    const { outbox, errors } = openOutbox();
    track(outbox, 10);
    expect(await outbox.flush()).toEqual({ sent: 9, retried: 0, dropped: 1, pending: 0 });
    expect(errors.map((error) => error.code)).toEqual(['records_dropped']);
    expect(sink.ids()).toHaveLength(9);
  });
});
