import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CLI = join(ROOT, 'dist/cli.mjs');

/** Flags for `waymark serve` from plain options; repeated flags for lists. */
function serveArgs({ db, port = 0, writeKeys = [], origins = [], adminToken, config }) {
  const args = ['serve', '--host', '127.0.0.1', '--port', String(port), '--db', db];
  for (const key of writeKeys) args.push('--write-key', key);
  for (const origin of origins) args.push('--origin', origin);
  if (adminToken) args.push('--admin-token', adminToken);
  if (config) args.push('--config', config);
  return args;
}

/**
 * Starts `waymark serve` from the built CLI as its own process and resolves once it prints
 * `listening on http://HOST:PORT`, the CLI's promise that the database is open.
 */
export function startServeProcess(options) {
  const child = spawn(process.execPath, [CLI, ...serveArgs(options)], { cwd: options.cwd ?? ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  let output = '';
  const url = new Promise((resolve, reject) => {
    const onData = (chunk) => {
      output += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1].replace(/\/$/, ''));
    };
    child.stdout.setEncoding('utf8').on('data', onData);
    child.stderr.setEncoding('utf8').on('data', (chunk) => (output += chunk));
    exited.then(({ code, signal }) => reject(new Error(`waymark serve exited (${signal ?? code}) before listening:\n${output}`)));
  });
  return url.then((address) => ({
    url: address,
    pid: child.pid,
    exited,
    output: () => output,
    /** SIGKILL: no handler runs, nothing is flushed; only what the database committed survives. */
    kill: () => (child.kill('SIGKILL'), exited),
    stop: () => (child.kill('SIGTERM'), exited),
  }));
}
