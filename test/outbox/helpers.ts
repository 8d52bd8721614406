import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { DeliveryOptions, FlushResult } from '../../src/api.js';
import type { WaymarkError } from '../../src/errors.js';
import { createOutbox, DEFAULT_DELIVERY, type Outbox, type OutboxOptions } from '../../src/outbox/index.js';
import { uuidv7 } from '../../src/track/uuid.js';
import type { Touchpoint } from '../../src/types.js';

export const ENDPOINT = 'http://localhost:3000/collect';

export interface Received {
  body: { writeKey?: string; sentAt: string; sdk: string; attempt: number; batch: Touchpoint[] };
  headers: Headers;
  startedAt: number;
  endedAt: number;
}

/** An msw collector: records every request, answers with `respond` (200 by default). */
export function useSink() {
  const sink = {
    /** Every request, accepted or not, in arrival order. */
    requests: [] as Received[],
    respond: (_received: Received, _index: number): Response | Promise<Response> => new HttpResponse(null, { status: 200 }),
    accepted: () => sink.requests.filter((request) => request.endedAt > 0),
    ids: () => sink.accepted().flatMap((request) => request.body.batch.map((record) => record.id)),
  };
  const server = setupServer(
    http.post(ENDPOINT, async ({ request }) => {
      const received: Received = {
        body: JSON.parse(await request.text()),
        headers: request.headers,
        startedAt: performance.now(),
        endedAt: 0,
      };
      sink.requests.push(received);
      const response = await sink.respond(received, sink.requests.length - 1);
      if (response.status >= 200 && response.status < 300) received.endedAt = performance.now();
      return response;
    }),
  );
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    sink.requests.length = 0;
    sink.respond = () => new HttpResponse(null, { status: 200 });
  });
  afterAll(() => server.close());
  return sink;
}

let sequence = 0;
const opened: Outbox[] = [];
afterEach(() => {
  for (const outbox of opened.splice(0)) outbox.destroy();
});

type Overrides = Partial<Omit<OutboxOptions, 'delivery'>> & { delivery?: Partial<DeliveryOptions> };

/** An outbox on its own IndexedDB database (unless `namespace` is given), with a long interval. */
export function openOutbox(overrides: Overrides = {}) {
  const errors: WaymarkError[] = [];
  const flushes: FlushResult[] = [];
  const responses: unknown[] = [];
  const namespace = overrides.namespace ?? `test-${++sequence}-${Math.random().toString(36).slice(2)}`;
  const outbox = createOutbox({
    endpoint: () => ENDPOINT,
    format: 'waymark',
    sdkVersion: '0.1.0',
    onError: (error) => errors.push(error),
    onFlush: (result) => flushes.push(result),
    onResponse: (body) => responses.push(body),
    ...overrides,
    namespace,
    delivery: { ...DEFAULT_DELIVERY, flushIntervalMs: 60_000, ...overrides.delivery },
  });
  opened.push(outbox);
  return { outbox, errors, flushes, responses, namespace, codes: () => errors.map((error) => error.code) };
}

export function touchpoint(index: number, at = Date.now()): Touchpoint {
  return {
    id: uuidv7(at),
    name: 'evt',
    props: { index },
    ts: new Date(at).toISOString(),
    anonymousId: 'anon-1',
    userId: null,
    sessionId: 'session-1',
    page: { url: 'http://localhost:3000/shop', path: '/shop', referrer: '', title: 'Shop' },
  };
}

export function track(outbox: Outbox, count: number, at?: number): Touchpoint[] {
  const records = Array.from({ length: count }, (_, index) => touchpoint(index, at));
  for (const record of records) outbox.add(record);
  return records;
}

export const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
