// @vitest-environment node
import { describe, expect, it } from 'vitest';

describe('server-side rendering', () => {
  it('imports without touching window, and init() in Node stays quiet', async () => {
    expect(typeof (globalThis as { window?: unknown }).window).toBe('undefined');
    const waymark = await import('../../src/index.js');
    expect(waymark.validateConfig({ version: 1 }).ok).toBe(true);
    const wm = waymark.init({ namespace: 'ssr' });
    expect(() => wm.track('rendered_on_server')).not.toThrow();
    await wm.flush();
    wm.destroy();
  });

  it('waymark/server runs in Node', async () => {
    const server = await import('../../src/server/index.js');
    expect(typeof server.replay).toBe('function');
    expect(typeof server.summarize).toBe('function');
    expect(server.configJsonSchema().title).toBe('Waymark config');
  });
});
