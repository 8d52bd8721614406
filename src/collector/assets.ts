import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/**
 * The file under `folder` that `pathname` names, or null. Decoded, resolved and then
 * checked to be inside the folder, so `..`, `%2e%2e`, `%2f` and absolute paths cannot escape.
 */
export function fileWithin(folder: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const root = resolve(folder);
  const file = resolve(root, `.${decoded.startsWith('/') ? decoded : `/${decoded}`}`);
  return file.startsWith(root + sep) ? file : null;
}

/** GET or HEAD of a file in `folder`; null when there is none, so the caller answers 404. */
export async function serveAsset(folder: string, request: Request, pathname: string, headers: Record<string, string>): Promise<Response | null> {
  let file = fileWithin(folder, pathname);
  if (!file) return null;
  try {
    if ((await stat(file)).isDirectory()) file = resolve(file, 'index.html');
    const body = await readFile(file);
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers: { 'content-type': type, 'cache-control': 'no-cache', ...headers } });
  } catch {
    return null;
  }
}
