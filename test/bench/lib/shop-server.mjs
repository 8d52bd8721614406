import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Readable } from 'node:stream';
import { createStaticFiles } from '../../../examples/collector/static.mjs';

/**
 * The demo shop as Lighthouse sees it, in three variants chosen by `?waymark=`:
 * `none` (the two SDK script tags removed), `compiled` (as shipped: `/waymark.json`, compiled)
 * and `uncompiled` (the source config, so the validator chunk loads). `POST /collect` is a sink.
 */
export const SHOP_VARIANTS = ['none', 'compiled', 'uncompiled'];

export async function startShopServer(root) {
  const { compileConfig } = await import(pathToFileURL(join(root, 'dist/server.mjs')).href);
  const compiled = compileConfig(readFileSync(join(root, 'examples/shop/waymark.json'), 'utf8'));
  if (!compiled.ok) throw new Error('examples/shop/waymark.json does not compile: run waymark validate on it');
  const serveStatic = createStaticFiles(root);

  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/collect') {
      request.resume();
      return void request.on('end', () => response.writeHead(200, { 'content-type': 'application/json' }).end('{}'));
    }
    if (url.pathname === '/waymark.json') return void response.writeHead(200, { 'content-type': 'application/json' }).end(compiled.text);
    const variant = url.searchParams.get('waymark');
    if (variant && url.pathname.startsWith('/shop/'))
      return void response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(shopPage(root, url.pathname, variant));
    const file = await serveStatic(new Request(url), url.pathname);
    if (!file) return void response.writeHead(404).end();
    response.writeHead(file.status, Object.fromEntries(file.headers));
    if (file.body) Readable.fromWeb(file.body).pipe(response);
    else response.end();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((resolve) => (server.closeAllConnections(), server.close(resolve))),
  };
}

function shopPage(root, pathname, variant) {
  const name = pathname === '/shop/' ? 'index' : pathname.slice('/shop/'.length).replace(/\.html$/, '');
  const html = readFileSync(join(root, 'examples/shop', `${name}.html`), 'utf8');
  if (variant === 'none')
    return html
      .replace(/^.*Waymark:.*\n/m, '')
      .replace(/^.*<script>window\.waymark.*\n/m, '')
      .replace(/^.*\/dist\/waymark\.js.*\n/m, '');
  if (variant === 'uncompiled') return html.replace('data-config="/waymark.json"', 'data-config="/shop/waymark.json"');
  return html;
}
