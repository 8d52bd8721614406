// @vitest-environment node
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CLI, startServeProcess } from '../collector-load/serve.mjs';
import { postBatch, exportRecords, touchpoint } from '../collector-load/records.mjs';
import { freshFolder, postgresUrl } from './databases.js';
import './open.js';

describe('waymark serve (the built CLI)', () => {
  for (const [kind, db] of [
    ['embedded', () => freshFolder()],
    ['Postgres', () => postgresUrl()],
  ] as const) {
    it(`on ${kind}: prints "listening on http://HOST:PORT", stores, and stops cleanly on SIGTERM`, async () => {
      const serve = await startServeProcess({ db: db(), writeKeys: ['cli-key'], adminToken: 'cli-admin' });
      expect(serve.output()).toMatch(/^listening on http:\/\/127\.0\.0\.1:\d+\n/m);
      const records = [touchpoint(`cli-${process.pid}-${kind}`, 0), touchpoint(`cli-${process.pid}-${kind}`, 1)];
      const { status, answer } = await postBatch(serve.url, records, 'cli-key');
      expect(status).toBe(200);
      expect(answer).toMatchObject({ accepted: 2, duplicates: 0, rejected: [] });
      const stored = await exportRecords(serve.url, 'cli-admin');
      expect(stored.filter((row) => records.some((sent) => sent.id === row.id))).toHaveLength(2);
      expect(await serve.stop()).toEqual({ code: 0, signal: null });
    });
  }

  it('reads WAYMARK_DB and WAYMARK_ADMIN_TOKEN, and refuses a bad flag with its reason', async () => {
    const child = spawn(process.execPath, [CLI, 'serve', '--port', '0'], {
      env: { ...process.env, WAYMARK_DB: freshFolder(), WAYMARK_ADMIN_TOKEN: 'from-env' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const url = await new Promise<string>((resolve, reject) => {
      let output = '';
      child.stdout.on('data', (chunk) => {
        output += chunk;
        const match = /listening on (\S+)/.exec(output);
        if (match) resolve(match[1]!);
      });
      child.once('exit', (code) => reject(new Error(`exited ${code}`)));
    });
    expect((await fetch(`${url}/api/stats`, { headers: { authorization: 'Bearer from-env' } })).status).toBe(200);
    child.kill('SIGINT');
    expect(await new Promise((resolve) => child.once('exit', resolve))).toBe(0);

    const bad = spawn(process.execPath, [CLI, 'serve', '--port', 'many'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let errors = '';
    bad.stderr.on('data', (chunk) => (errors += chunk));
    expect(await new Promise((resolve) => bad.once('exit', resolve))).toBe(2);
    expect(errors).toContain('--port must be 0 to 65535');
  });
});
