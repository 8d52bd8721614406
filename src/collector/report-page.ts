import { fileURLToPath } from 'node:url';
import { serveAsset } from './assets.js';

/**
 * The report page's folder, next to the built `server.mjs` (dist/report-page/, written by
 * the build from src/collector/page/), whatever `assets` folder the collector serves.
 */
const PAGE_FOLDER = fileURLToPath(new URL('./report-page/', import.meta.url));

/** GET `/report` and the files under `/report/`; the page asks for the admin token itself. */
export async function serveReportPage(request: Request, pathname: string, headers: Record<string, string>): Promise<Response | null> {
  if (pathname === '/report') return new Response(null, { status: 301, headers: { location: '/report/', ...headers } });
  if (!pathname.startsWith('/report/')) return null;
  const rest = pathname.slice('/report'.length);
  return serveAsset(PAGE_FOLDER, request, rest === '/' ? '/index.html' : rest, headers);
}
