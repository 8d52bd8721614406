import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createStaticFiles } from './static.mjs';
import { openEventStore } from './store.mjs';
import { MAX_BODY_BYTES, parseWireBody } from './wire.mjs';

// Simple CORS: the SDK posts text/plain, so browsers send no preflight; OPTIONS is answered
// anyway for integrations that add headers.
const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'POST, OPTIONS',
  'access-control-allow-headers': '*',
  'access-control-max-age': '86400',
};

const sendJson = (response, status, value, headers = {}) => {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  response.end(JSON.stringify(value));
};

function readBody(request, limit) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    request.on('data', (chunk) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      // Past the limit the rest is drained, not kept, so the client still reads the 413.
      else if (size > limit * 8) request.destroy();
    });
    request.on('end', () => (size > limit ? reject(Object.assign(new Error('body too large'), { status: 413 })) : resolve(Buffer.concat(chunks).toString('utf8'))));
    request.on('error', reject);
  });
}

/** `summarize` from the built `waymark/server`, loaded on first use. */
const builtSummarize = (root) => async (touchpoints) => {
  const server = await import(pathToFileURL(join(root, 'dist/server.mjs')).href);
  if (typeof server.summarize !== 'function') throw new Error('dist/server.mjs has no summarize(); run npm run build');
  return server.summarize(touchpoints);
};

/**
 * The local collector: receives batches at POST /collect, keeps them in `<dataDir>/events.ndjson`,
 * serves the summary the report page draws, and the demo's static files.
 */
export async function createCollector({ root, dataDir, summarize = builtSummarize(root) }) {
  const store = await openEventStore(dataDir);
  const serveStatic = createStaticFiles(root);
  const streams = new Set();
  store.subscribe((fresh) => {
    for (const stream of streams) stream.write(`event: append\ndata: ${JSON.stringify({ added: fresh.length, total: store.size })}\n\n`);
  });

  async function collect(request, response) {
    let text;
    try {
      text = await readBody(request, MAX_BODY_BYTES);
    } catch (error) {
      return sendJson(response, error.status ?? 400, { error: error.message }, CORS);
    }
    const parsed = parseWireBody(text);
    if (!parsed.ok) return sendJson(response, 400, { error: parsed.message }, CORS);
    try {
      const { accepted, duplicates } = await store.append(parsed.records);
      sendJson(response, 200, { accepted, duplicates, rejected: parsed.rejected }, CORS);
    } catch (error) {
      // A 5xx makes the SDK keep the batch and retry later.
      sendJson(response, 503, { error: `could not store the batch: ${error.message}` }, CORS);
    }
  }

  async function summary(response, writeKey) {
    const touchpoints = store.all().filter((record) => !writeKey || record.writeKey === writeKey);
    const sources = {};
    for (const record of store.all()) sources[record.writeKey || '(none)'] = (sources[record.writeKey || '(none)'] ?? 0) + 1;
    try {
      sendJson(response, 200, {
        events: touchpoints.length,
        visitors: new Set(touchpoints.map((record) => record.anonymousId)).size,
        sources,
        updatedAt: new Date().toISOString(),
        summary: await summarize(touchpoints),
      });
    } catch (error) {
      sendJson(response, 503, { error: String(error.message ?? error) });
    }
  }

  function stream(request, response) {
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    response.write(`retry: 2000\nevent: hello\ndata: ${JSON.stringify({ total: store.size })}\n\n`);
    streams.add(response);
    request.on('close', () => streams.delete(response));
  }

  async function handle(request, response) {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/collect') {
      if (request.method === 'OPTIONS') return void response.writeHead(204, CORS).end();
      if (request.method === 'POST') return collect(request, response);
      return sendJson(response, 405, { error: 'POST batches here' }, { ...CORS, allow: 'POST, OPTIONS' });
    }
    if (url.pathname === '/api/summary') return summary(response, url.searchParams.get('writeKey'));
    if (url.pathname === '/api/events') {
      const limit = Math.min(Number(url.searchParams.get('limit')) || 20, 500);
      return sendJson(response, 200, store.all().slice(-limit).reverse());
    }
    if (url.pathname === '/api/stream') return stream(request, response);
    if ((request.method === 'GET' || request.method === 'HEAD') && (await serveStatic(request, response, url.pathname))) return;
    sendJson(response, 404, { error: `nothing at ${url.pathname}` });
  }

  return {
    store,
    handler(request, response) {
      handle(request, response).catch((error) => {
        if (!response.headersSent) sendJson(response, 500, { error: String(error.message ?? error) });
        else response.destroy();
      });
    },
    /** Ends live report streams so the HTTP server can close. */
    close() {
      for (const stream of streams) stream.end();
      streams.clear();
    },
  };
}
