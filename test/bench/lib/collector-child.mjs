/**
 * The bench's memory run: a collector mounted in this process from the built
 * `waymark/server` (as a user's Node app would), reporting its own memory to the parent.
 * argv: <db> <writeKey> <adminToken>
 */
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const [db, writeKey, adminToken] = process.argv.slice(2);
const { createCollector, listen } = await import(pathToFileURL(join(ROOT, 'dist/server.mjs')).href);
const handler = createCollector({ db, writeKeys: [writeKey], adminToken });
await handler.ready();
const server = await listen(handler, { port: 0, host: '127.0.0.1' });
process.send({ url: server.url });
process.on('message', (message) => {
  if (message === 'gc-memory') {
    globalThis.gc?.();
    const { rss, heapUsed } = process.memoryUsage();
    process.send({ rss, heapUsed });
  } else if (message === 'close') {
    server
      .close()
      .then(() => handler.close())
      .then(() => process.exit(0));
  }
});
