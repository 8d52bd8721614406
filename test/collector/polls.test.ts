// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Config } from '../../src/config/schema.js';
import { DATABASES } from './databases.js';
import { openCollector } from './open.js';
import { BASE, collect, record } from './requests.js';

const vote = (visitor: string, promptId: string, choices: string[], kind = 'poll') =>
  record(visitor, '$prompt_answered', { promptId, kind, submissionId: `${visitor}-${promptId}`, complete: true, choices });
const shown = (visitor: string, promptId: string, kind = 'poll') =>
  record(visitor, '$prompt_shown', { promptId, kind, submissionId: `${visitor}-${promptId}` });
const get = (collector: (request: Request) => Promise<Response>, path: string, headers: Record<string, string> = {}) =>
  collector(new Request(`${BASE}${path}`, { headers }));

const CONFIG: Config = {
  version: 1,
  prompts: [
    {
      id: 'flavour',
      kind: 'poll',
      trigger: { on: 'x' },
      content: { question: 'Next?', choices: ['Hazelnut', 'Caramel', { en: 'Cardamom', fr: 'Cardamome' }] },
    },
    { id: 'why-leave', kind: 'exit', trigger: { on: 'y' }, content: { question: 'Why?', choices: ['Price', 'Shipping'] } },
  ],
};

describe.each(DATABASES)('GET /api/polls/<id> on $kind', ({ fresh }) => {
  it('serves how many voted for each choice, to anyone, never who', async () => {
    const collector = await openCollector(await fresh());
    await collect(collector, [
      shown('a', 'flavour'),
      vote('a', 'flavour', ['Caramel']),
      vote('b', 'flavour', ['Caramel', 'Hazelnut']),
      vote('c', 'flavour', ['Hazelnut']),
      // The same submission again (a retried batch): one vote.
      vote('c', 'flavour', ['Hazelnut']),
      shown('d', 'why-leave', 'exit'),
      vote('d', 'why-leave', ['Price'], 'exit'),
    ]);
    const response = await get(collector, '/api/polls/flavour');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=10');
    expect(await response.json()).toEqual({ promptId: 'flavour', votes: 3, choices: { Caramel: 2, Hazelnut: 2 } });
    // An exit survey's reasons and unknown prompts are not polls.
    for (const id of ['why-leave', 'nothing']) {
      const refused = await get(collector, `/api/polls/${id}`);
      expect(refused.status).toBe(404);
      expect((await refused.json()).error).toBe(`no poll "${id}" has been recorded`);
    }
    expect((await collector(new Request(`${BASE}/api/polls/flavour`, { method: 'DELETE' }))).status).toBe(405);
    expect((await get(collector, '/api/polls/%E0%A4%A')).status).toBe(400);
  });

  it('reuses the counts for ten seconds, then counts again', async () => {
    let now = Date.parse('2026-06-01T10:00:00Z');
    const collector = await openCollector(await fresh(), { now: () => now });
    await collect(collector, [shown('a', 'flavour'), vote('a', 'flavour', ['Caramel'])]);
    expect((await (await get(collector, '/api/polls/flavour')).json()).votes).toBe(1);
    await collect(collector, [vote('b', 'flavour', ['Hazelnut'])]);
    now += 9_000;
    expect((await (await get(collector, '/api/polls/flavour')).json()).votes).toBe(1);
    now += 2_000;
    expect(await (await get(collector, '/api/polls/flavour')).json()).toEqual({ promptId: 'flavour', votes: 2, choices: { Caramel: 1, Hazelnut: 1 } });
  });

  it('with a config, serves its polls only, every choice listed, and nothing a forged record adds', async () => {
    const collector = await openCollector(await fresh(), { config: CONFIG, origins: ['https://shop.example'] });
    await collect(collector, [vote('a', 'flavour', ['Cardamom']), vote('b', 'flavour', ['Forged']), vote('c', 'why-leave', ['Price'])], {
      origin: 'https://shop.example',
    });
    const response = await get(collector, '/api/polls/flavour', { origin: 'https://shop.example' });
    expect(response.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    expect(await response.json()).toEqual({ promptId: 'flavour', votes: 2, choices: { Hazelnut: 0, Caramel: 0, Cardamom: 1 } });
    // Recorded as a poll, configured as an exit survey: the config decides.
    const exit = await get(collector, '/api/polls/why-leave');
    expect([exit.status, (await exit.json()).error]).toEqual([404, 'no poll "why-leave" in the config']);
    expect((await get(collector, '/api/polls/flavour', { origin: 'https://elsewhere.example' })).status).toBe(403);
  });
});
