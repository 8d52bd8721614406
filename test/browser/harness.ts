import { mkdtempSync, readFileSync, rmSync, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const ROOT = new URL('../..', import.meta.url).pathname;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags for a closed-network machine: no background traffic, no sandbox as root. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface BrowserHandle {
  context: BrowserContext;
  close(): Promise<void>;
}

/** A fresh Chromium with a fresh profile directory. */
export async function launchBrowser(): Promise<BrowserHandle> {
  const profile = mkdtempSync(join(tmpdir(), 'waymark-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  return {
    context,
    async close() {
      await context.close().catch(() => {});
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export const hasChromium = () => existsSync(CHROMIUM);

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export interface SinkBatch {
  receivedAt: number;
  body: { writeKey?: string; sentAt?: string; batch: Array<{ id: string; name: string; props: Record<string, unknown> }> };
}

export interface TestServer {
  url: string;
  /** Every batch the sink accepted (2xx), in arrival order. */
  batches: SinkBatch[];
  /** Every request that reached the sink, accepted or not. */
  requests: number;
  /** Decide the sink's answer; default 200. */
  respond: (request: IncomingMessage, body: string) => { status: number; headers?: Record<string, string>; body?: string };
  /** Extra routes: return true when handled. */
  route: (request: IncomingMessage, response: ServerResponse) => boolean;
  ids(): string[];
  close(): Promise<void>;
}

/**
 * Serves the repository's files (dist/, examples/, test/browser/pages/) and a sink at
 * POST /collect on 127.0.0.1, port chosen by the OS.
 */
export async function startServer(): Promise<TestServer> {
  const state: TestServer = {
    url: '',
    batches: [],
    requests: 0,
    respond: () => ({ status: 200 }),
    route: () => false,
    ids: () => state.batches.flatMap((batch) => batch.body.batch.map((record) => record.id)),
    close: async () => {},
  };
  const server: Server = createServer((request, response) => {
    if (state.route(request, response)) return;
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/collect') {
      if (request.method === 'OPTIONS') {
        response.writeHead(204, corsHeaders()).end();
        return;
      }
      let body = '';
      request.setEncoding('utf8');
      request.on('data', (chunk: string) => (body += chunk));
      request.on('end', () => {
        state.requests++;
        const answer = state.respond(request, body);
        if (answer.status >= 200 && answer.status < 300) {
          try {
            state.batches.push({ receivedAt: Date.now(), body: JSON.parse(body) });
          } catch {
            answer.status = 400;
          }
        }
        response.writeHead(answer.status, { ...corsHeaders(), ...answer.headers });
        response.end(answer.body ?? '');
      });
      return;
    }
    serveFile(url.pathname, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  state.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  state.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return state;
}

function corsHeaders(): Record<string, string> {
  return { 'access-control-allow-origin': '*', 'access-control-allow-headers': '*', 'access-control-allow-methods': 'POST, OPTIONS' };
}

function serveFile(pathname: string, response: ServerResponse) {
  const relative = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
  if (relative.startsWith('..')) return void response.writeHead(403).end();
  let file = join(ROOT, relative);
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (!existsSync(file)) return void response.writeHead(404).end('not found');
  response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
  response.end(readFileSync(file));
}

/** Polls until `check` is true or the time is up; returns whether it became true. */
export async function waitUntil(check: () => boolean, timeoutMs: number, intervalMs = 50): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  return check();
}

/**
 * The built selector of a widget class written `wm-…` in source: the build shortens those
 * names and lists them in dist/widget-names.json.
 */
export function widgetClass(name: string): string {
  const names: Record<string, string> = JSON.parse(readFileSync(join(ROOT, 'dist/widget-names.json'), 'utf8'));
  const short = names[name];
  if (!short) throw new Error(`no widget class ${name} in dist/widget-names.json: run npm run build`);
  return `.${short}`;
}
