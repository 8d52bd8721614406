import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isRetryable, post } from '../../src/transport/send.js';

const server = setupServer(
  http.post('http://localhost:3000/ok', async ({ request }) =>
    HttpResponse.json({ echo: await request.text(), type: request.headers.get('content-type'), custom: request.headers.get('x-api-key') }),
  ),
  http.post('http://localhost:3000/empty', () => new HttpResponse(null, { status: 204 })),
  http.post('http://localhost:3000/text', () => new HttpResponse('accepted', { status: 200 })),
  http.post('http://localhost:3000/busy', () => new HttpResponse('slow down', { status: 429, headers: { 'retry-after': '7' } })),
  http.post('http://localhost:3000/down', () => HttpResponse.error()),
);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

describe('post', () => {
  it('sends a CORS-simple text/plain body and parses a JSON answer', async () => {
    const outcome = await post('http://localhost:3000/ok', '{"batch":[]}');
    expect(outcome.status).toBe(200);
    expect(outcome.body).toEqual({ echo: '{"batch":[]}', type: 'text/plain;charset=UTF-8', custom: null });
  });
  it('adds headers only when asked', async () => {
    const outcome = await post('http://localhost:3000/ok', 'x', { 'x-api-key': 'secret' });
    expect(outcome.body).toMatchObject({ custom: 'secret' });
  });
  it('confirms 2xx answers without a JSON body', async () => {
    for (const [path, status] of [
      ['empty', 204],
      ['text', 200],
    ] as const) {
      const outcome = await post(`http://localhost:3000/${path}`, 'x');
      expect(outcome.status).toBe(status);
      expect(outcome.body).toBeUndefined();
    }
  });
  it('reads Retry-After', async () => {
    expect(await post('http://localhost:3000/busy', 'x')).toEqual({ status: 429, retryAfterMs: 7000 });
  });
  it('turns a network failure into status 0 instead of rejecting', async () => {
    expect(await post('http://localhost:3000/down', 'x')).toEqual({ status: 0 });
  });
});

describe('isRetryable', () => {
  it('retries 408, 429, 5xx and network failures, nothing else', () => {
    const retried = [0, 200, 204, 400, 401, 403, 404, 408, 409, 413, 422, 429, 500, 502, 503, 504].filter(isRetryable);
    expect(retried).toEqual([0, 408, 429, 500, 502, 503, 504]);
  });
});
