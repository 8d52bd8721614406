// @vitest-environment node
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchPollResults } from '../../widgets/survey/poll-results.js';

describe('fetchPollResults', () => {
  const answers: Record<string, [number, string]> = {
    '/api/polls/good': [200, JSON.stringify({ promptId: 'good', votes: 4, choices: { Caramel: 3, Hazelnut: 1 } })],
    '/api/polls/negative': [200, JSON.stringify({ votes: -1, choices: {} })],
    '/api/polls/strings': [200, JSON.stringify({ votes: 2, choices: { Caramel: '2' } })],
    '/api/polls/html': [200, '<html>not json</html>'],
    '/api/polls/missing': [404, JSON.stringify({ error: 'no poll "missing" in the config' })],
  };
  const asked: string[] = [];
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = createServer((request, response) => {
      asked.push(`${request.method} ${request.url} cookie=${request.headers.cookie ?? ''}`);
      const [status, body] = answers[request.url ?? ''] ?? [500, ''];
      response.writeHead(status, { 'content-type': 'application/json' }).end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('reads the votes a collector serves', async () => {
    expect(await fetchPollResults(`${base}/api/polls/good`)).toEqual({ votes: 4, choices: { Caramel: 3, Hazelnut: 1 } });
    expect(asked.at(-1)).toBe('GET /api/polls/good cookie=');
  });

  it('is null for an error status, a body that is not counts, or a server that is not there', async () => {
    for (const id of ['missing', 'negative', 'strings', 'html']) expect(await fetchPollResults(`${base}/api/polls/${id}`)).toBeNull();
    expect(await fetchPollResults('http://127.0.0.1:9/api/polls/good')).toBeNull();
  });
});
