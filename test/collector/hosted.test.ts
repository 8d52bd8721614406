// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Config } from '../../src/config/schema.js';
import { validateConfig } from '../../src/config/validate.js';
import { freshFolder } from './databases.js';
import { openCollector } from './open.js';
import { BASE } from './requests.js';

const CONFIG: Config = {
  version: 1,
  theme: { background: 'red}body{display:none', text: '#222' },
  limits: { maxPerSession: 1 },
  prompts: [
    {
      id: 'onboarding',
      kind: 'survey',
      trigger: { on: 'signup' },
      if: { stage: { eq: 'decision' } },
      sample: 0.1,
      frequency: { once: true },
      content: { title: 'Two minutes <b>please</b>?' },
      questions: [{ id: 'score', type: 'nps', text: 'How likely are you to recommend us?' }],
    },
    { id: 'points', kind: 'reward', trigger: { on: 'order' }, content: { title: 'You earned {delta}' } },
    {
      id: 'old-poll',
      kind: 'poll',
      trigger: { on: 'x' },
      schedule: { end: '2026-01-01T00:00:00Z' },
      content: { question: 'Which?', choices: ['A', 'B'] },
    },
  ],
  stages: [{ id: 'decision', when: { event: 'checkout' } }],
};
const get = (collector: (request: Request) => Promise<Response>, path: string) => collector(new Request(`${BASE}${path}`));

describe('hosted survey pages, GET /s/<promptId>', () => {
  it('serve a page that runs this collector’s SDK on a config of that prompt alone, under a strict CSP', async () => {
    const collector = await openCollector(freshFolder(), { config: CONFIG, now: () => Date.parse('2026-06-01T00:00:00Z') });
    const page = await get(collector, '/s/onboarding');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await page.text();
    const nonce = /'nonce-([^']+)'/.exec(page.headers.get('content-security-policy') ?? '')?.[1];
    expect(page.headers.get('content-security-policy')).toMatch(/^default-src 'self'; style-src 'self' 'nonce-[^']+';.*frame-ancestors 'none'/);
    expect(html).toContain(`<style nonce="${nonce}">`);
    expect(html).toContain('<title>Two minutes &lt;b&gt;please&lt;/b&gt;?</title>');
    expect(html).toContain(
      '<script async src="/s/sdk/waymark.js" data-endpoint="/collect" data-config="/s/onboarding/waymark.json" data-write-key="test-key">',
    );
    // A theme value that is not a colour does not reach the page's CSS.
    expect(html).not.toContain('display:none');

    const config = await (await get(collector, '/s/onboarding/waymark.json')).json();
    expect(validateConfig(config).ok).toBe(true);
    expect(config.limits).toBeUndefined();
    expect(config.$compiled.hash).toMatch(/\S/);
    expect(config.prompts).toEqual([
      {
        id: 'onboarding',
        kind: 'survey',
        trigger: { on: '$page_view' },
        presentation: { placement: 'inline', target: '#survey' },
        content: { title: 'Two minutes <b>please</b>?' },
        questions: [{ id: 'score', type: 'nps', text: 'How likely are you to recommend us?' }],
      },
    ]);
  });

  it('say why there is no page: a prompt that asks nothing, an unknown one, one past its schedule, no config', async () => {
    const collector = await openCollector(freshFolder(), { config: CONFIG, now: () => Date.parse('2026-06-01T00:00:00Z') });
    for (const id of ['points', 'nothing']) {
      const refused = await get(collector, `/s/${id}`);
      expect([refused.status, (await refused.json()).error]).toEqual([404, `the config has no prompt "${id}" that asks something`]);
    }
    const closed = await get(collector, '/s/old-poll');
    expect(closed.status).toBe(410);
    const html = await closed.text();
    expect(html).toContain('This survey is closed.');
    expect(html).not.toContain('<script');
    expect((await get(collector, '/s/%E0%A4%A')).status).toBe(400);
    // Only the SDK's own files are served from /s/sdk/, and none from outside its folder.
    for (const path of ['/s/sdk/..%2Fcollector.ts', '/s/sdk/polls.ts', '/s/onboarding/../../package.json'])
      expect((await get(collector, path)).status).toBe(404);
    const bare = await openCollector(freshFolder());
    const none = await get(bare, '/s/onboarding');
    expect([none.status, (await none.json()).error]).toEqual([404, 'survey pages need the collector to have a --config']);
  });
});
