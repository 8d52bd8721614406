import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { extname, join, normalize, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/**
 * URL prefixes and the folders they serve. Only these are public: the data folder,
 * sources and node_modules are not. `/examples/…` keeps repo-relative links working.
 */
const MOUNTS = [
  ['/dist/', 'dist'],
  ['/shop/', 'examples/shop'],
  ['/playground/', 'examples/playground'],
  ['/spa/', 'examples/spa'],
  ['/examples/', 'examples'],
];

/** Client-routed apps: any extensionless path under these prefixes gets the app's page. */
const APP_FALLBACKS = { '/spa/': 'examples/spa/index.html' };

const isFile = (path) =>
  stat(path).then(
    (info) => (info.isFile() ? info : null),
    () => null,
  );
const isDirectory = (path) =>
  stat(path).then(
    (info) => info.isDirectory(),
    () => false,
  );

/** Serves the demo's files from `root` (the repository), as a fetch-style function. */
export function createStaticFiles(root) {
  const inside = (folder, rest) => {
    const path = normalize(join(root, folder, rest));
    return path.startsWith(normalize(join(root, folder)) + sep) || path === normalize(join(root, folder)) ? path : null;
  };

  async function resolve(pathname) {
    if (pathname === '/') return { file: join(root, 'examples/index.html') };
    const mount = MOUNTS.find(([prefix]) => pathname.startsWith(prefix) || `${pathname}/` === prefix);
    if (!mount) return null;
    const [prefix, folder] = mount;
    if (`${pathname}/` === prefix) return { redirect: prefix };
    const path = inside(folder, pathname.slice(prefix.length));
    if (!path) return null;
    if (await isDirectory(path)) {
      return pathname.endsWith('/') ? { file: join(path, 'index.html') } : { redirect: `${pathname}/` };
    }
    if (await isFile(path)) return { file: path };
    // Pretty URLs: /shop/cart serves examples/shop/cart.html.
    if (!extname(path) && (await isFile(`${path}.html`))) return { file: `${path}.html` };
    const app = APP_FALLBACKS[prefix];
    if (app && !extname(path)) return { file: join(root, app) };
    return null;
  }

  /** The file's Response for a GET or HEAD of `pathname`, or null when nothing matched. */
  return async function serveStatic(request, pathname) {
    let decoded;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return null;
    }
    if (decoded.includes('\0')) return null;
    const found = await resolve(decoded);
    if (!found) return null;
    if (found.redirect) return new Response(null, { status: 301, headers: { location: found.redirect } });
    const info = await isFile(found.file);
    if (!info) return null;
    const headers = {
      'content-type': TYPES[extname(found.file)] ?? 'application/octet-stream',
      'content-length': String(info.size),
      // The demo rebuilds dist/ often; never serve a stale bundle.
      'cache-control': 'no-store',
    };
    const body = request.method === 'HEAD' ? null : Readable.toWeb(createReadStream(found.file));
    return new Response(body, { status: 200, headers });
  };
}
