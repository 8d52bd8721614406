import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createStaticFiles } from './static.mjs';

/** The write keys of the demo's three sites; the collector answers 401 to any other. */
export const DEMO_WRITE_KEYS = ['demo-shop', 'demo-spa', 'playground'];

/** `waymark/server` as built into dist/: the demo runs what the package ships. */
export async function loadBuiltServer(root) {
  const server = await import(pathToFileURL(join(root, 'dist/server.mjs')).href);
  if (typeof server.createCollector !== 'function') throw new Error('dist/server.mjs has no createCollector(); run npm run build');
  return server;
}

/**
 * The demo: Waymark's collector on its embedded database in `dataDir/collector` (a
 * subfolder, so an older demo's files beside it never stop the database opening), with the shop's
 * config for the points ledger, and the demo's pages served beside it. One fetch-style
 * handler: static files for GET and HEAD outside the collector's routes, the collector for
 * everything else.
 */
export async function createDemo({ root, dataDir, adminToken }) {
  const server = await loadBuiltServer(root);
  const collector = server.createCollector({
    db: join(dataDir, 'collector'),
    writeKeys: DEMO_WRITE_KEYS,
    adminToken,
    config: join(root, 'examples/shop/waymark.json'),
  });
  await collector.ready();
  const serveStatic = createStaticFiles(root);
  const isCollectorRoute = (pathname) => pathname === '/collect' || pathname.startsWith('/api/');

  async function handler(request) {
    const { pathname } = new URL(request.url);
    if ((request.method === 'GET' || request.method === 'HEAD') && !isCollectorRoute(pathname)) {
      const file = await serveStatic(request, pathname);
      if (file) return file;
    }
    return collector(request);
  }
  return { handler, collector, listen: server.listen };
}
