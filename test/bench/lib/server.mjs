import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.json': 'application/json', '.map': 'application/json' };
const CORS = { 'access-control-allow-origin': '*', 'access-control-allow-headers': '*', 'access-control-allow-methods': 'POST, OPTIONS' };

/**
 * The bench's own 127.0.0.1 server: the repository's files, generated configs at
 * /bench/config/<name>.json, and a sink at POST /collect that keeps every record with its
 * arrival time, duplicates included (the collector example dedupes, which would hide them).
 */
export async function startBenchServer(root, configs) {
  /** Every record received, in arrival order: { id, name, props, receivedAt }. */
  const records = [];
  const server = createServer((request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (pathname === '/collect') return collect(request, response);
    const config = /^\/bench\/config\/([\w-]+)\.json$/.exec(pathname);
    if (config) {
      const body = configs[config[1]];
      if (!body) return void response.writeHead(404).end();
      return void response.writeHead(200, { 'content-type': TYPES['.json'], 'cache-control': 'no-store' }).end(JSON.stringify(body));
    }
    serveFile(root, pathname, response);
  });

  function collect(request, response) {
    if (request.method !== 'POST') return void response.writeHead(request.method === 'OPTIONS' ? 204 : 405, CORS).end();
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      const receivedAt = Date.now();
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        // Both wire formats: waymark's `id`, Segment's `messageId`.
        for (const record of body.batch ?? [])
          records.push({ id: record.id ?? record.messageId, name: record.name ?? record.event, props: record.props ?? record.properties ?? {}, receivedAt });
        response.writeHead(200, CORS).end('{}');
      } catch {
        response.writeHead(400, CORS).end();
      }
    });
  }

  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    root,
    /** Records of one scenario: its event name and its per-run tag. */
    received: (name, tag) => records.filter((record) => record.name === name && record.props?.tag === tag),
    close: () => new Promise((resolve) => (server.closeAllConnections(), server.close(resolve))),
  };
}

function serveFile(root, pathname, response) {
  const relative = normalize(decodeURIComponent(pathname)).replace(/^[/\\]+/, '');
  if (relative.startsWith('..')) return void response.writeHead(403).end();
  let file = join(root, relative);
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (!existsSync(file)) return void response.writeHead(404).end('not found');
  response.writeHead(200, { 'content-type': `${TYPES[extname(file)] ?? 'application/octet-stream'}; charset=utf-8`, 'cache-control': 'no-store' });
  response.end(readFileSync(file));
}

/** Distinct ids and duplicate count of a list of received records. */
/** Distinct ids, duplicates, and when the last distinct id first arrived (retries excluded). */
export function tally(records) {
  const firstArrival = new Map();
  for (const record of records) if (!firstArrival.has(record.id)) firstArrival.set(record.id, record.receivedAt);
  return { distinct: firstArrival.size, duplicates: records.length - firstArrival.size, lastAt: Math.max(0, ...firstArrival.values()) };
}
