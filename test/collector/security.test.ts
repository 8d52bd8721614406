// @vitest-environment node
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DATABASES, freshFolder } from './databases.js';
import { openCollector } from './open.js';
import { ADMIN_TOKEN, BASE, collect, exported, post, record, wire } from './requests.js';

const SHOP = 'https://shop.example';

describe.each(DATABASES)('access on $kind', ({ fresh }) => {
  it('answers 401 to an unknown or missing write key, stores nothing, and counts it', async () => {
    const collector = await openCollector(await fresh());
    const unknown = await collector(post('/collect', wire([record('v1', 'a')], 'someone-else')));
    expect(unknown.status).toBe(401);
    expect((await unknown.json()).error).toBe('unknown write key');
    const missing = await collector(post('/collect', wire([record('v1', 'b')], '')));
    expect(missing.status).toBe(401);
    expect(collector.stats().unknownWriteKey).toBe(2);
    expect(await exported(collector)).toEqual([]);
  });

  it('answers an allowed origin with its own Allow-Origin and Vary, and a foreign one with 403 and none', async () => {
    const collector = await openCollector(await fresh(), { origins: [SHOP] });
    const allowed = await collect(collector, [record('v1', 'a')], { origin: SHOP });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(SHOP);
    expect(allowed.headers.get('vary')).toBe('Origin');
    const foreign = await collect(collector, [record('v1', 'b')], { origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    expect((await foreign.json()).error).toMatch(/--origin/);
    expect(collector.stats().foreignOrigin).toBe(1);
    expect((await exported(collector)).map((row) => row.name)).toEqual(['a']);
  });

  it('answers preflights: 204 with methods and headers for an allowed origin, 403 for a foreign one', async () => {
    const collector = await openCollector(await fresh(), { origins: [SHOP] });
    const ask = (origin: string) =>
      collector(
        new Request(`${BASE}/api/report`, {
          method: 'OPTIONS',
          headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
        }),
      );
    const allowed = await ask(SHOP);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(SHOP);
    expect(allowed.headers.get('access-control-allow-methods')).toContain('GET');
    expect(allowed.headers.get('access-control-allow-headers')).toBe('authorization');
    expect(allowed.headers.get('vary')).toBe('Origin');
    const foreign = await ask('https://evil.example');
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers 413 to a body over the limit and to a gzip bomb, without reading it all', async () => {
    const collector = await openCollector(await fresh(), { maxBodyBytes: 64 * 1024, maxDecodedBytes: 256 * 1024 });
    const big = wire(Array.from({ length: 2000 }, () => record('v1', 'big', { text: 'x'.repeat(100) })));
    const oversized = await collector(post('/collect', big));
    expect(oversized.status).toBe(413);
    // 64 MiB of spaces inside valid JSON gzip to about 64 KiB: small on the wire, huge unpacked.
    const bomb = gzipSync(Buffer.concat([Buffer.from('{"writeKey":"test-key","batch":['), Buffer.alloc(64 * 1024 * 1024, ' '), Buffer.from(']}')]), {
      level: 9,
    });
    expect(bomb.length).toBeLessThan(64 * 1024);
    const exploded = await collector(post('/collect', bomb, { 'content-encoding': 'gzip' }));
    expect(exploded.status).toBe(413);
    expect((await exploded.json()).error).toMatch(/decompressed body is larger than 262144 bytes/);
    expect(collector.stats().tooLarge).toBe(2);
    expect(await exported(collector)).toEqual([]);
  });

  it('keeps every /api/ route behind the admin token: none or a wrong one is 401', async () => {
    const collector = await openCollector(await fresh());
    const routes: Array<[string, string]> = [
      ['GET', '/api/visitors/v1'],
      ['DELETE', '/api/visitors/v1'],
      ['GET', '/api/export?format=csv'],
      ['GET', '/api/report'],
      ['POST', '/api/touchpoints'],
      ['GET', '/api/stats'],
    ];
    for (const [method, path] of routes) {
      for (const headers of [{}, { authorization: 'Bearer wrong' }, { authorization: `Basic ${ADMIN_TOKEN}` }]) {
        const response = await collector(new Request(`${BASE}${path}`, { method, headers, ...(method === 'POST' ? { body: wire([record('v1', 'a')]) } : {}) }));
        expect(response.status, `${method} ${path} ${JSON.stringify(headers)}`).toBe(401);
      }
    }
    expect(await exported(collector)).toEqual([]);
  });

  it('answers 401 on /api/ when no admin token was configured', async () => {
    const collector = await openCollector(await fresh(), { adminToken: '' });
    const response = await collector(new Request(`${BASE}/api/report`, { headers: { authorization: 'Bearer ' } }));
    expect(response.status).toBe(401);
    expect((await response.json()).error).toMatch(/admin API is off/);
  });
});

describe('serving files', () => {
  it('serves the assets folder and /waymark.json, and nothing outside them', async () => {
    const root = freshFolder();
    const assets = join(root, 'public');
    mkdirSync(assets, { recursive: true });
    writeFileSync(join(assets, 'waymark.js'), 'sdk');
    writeFileSync(join(root, 'secret.txt'), 'secret');
    const config = { version: 1 as const, prompts: [] };
    const collector = await openCollector(join(root, 'db'), { assets, config });
    const get = (path: string) => collector(new Request(`${BASE}${path}`));
    expect(await (await get('/waymark.js')).text()).toBe('sdk');
    // Served compiled (validated, with its grammar and hash), so pages skip the validator chunk.
    expect(await (await get('/waymark.json')).json()).toEqual({ ...config, $compiled: { grammar: 1, hash: expect.stringMatching(/^[0-9a-f]{16}$/) } });
    for (const path of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      '/public/../../secret.txt',
      '/%00',
      '/%E0%A4%A',
    ]) {
      // new Request() normalizes a literal "..": build the raw target the way a hostile client would send it.
      const response = await collector(new Request(new URL(path, BASE)));
      expect(response.status, path).toBe(404);
      expect(await response.text(), path).not.toBe('secret');
    }
  });
});
