import { checkAdmin } from './access.js';
import { createBatchWriter } from './batch-writer.js';
import { commitBatches } from './commit.js';
import { adminRoute } from './admin.js';
import { json, problem, unavailable } from './answers.js';
import { serveAsset } from './assets.js';
import { corsHeaders, originAllowed, preflight } from './cors.js';
import { newCounters, type Counters } from './counters.js';
import { ingest, type IngestContext } from './ingest.js';
import { resolveSettings, type CollectorOptions } from './options.js';
import { hostedRoute } from './hosted.js';
import { pollRoute } from './polls.js';
import { removeExpired, scheduleRetention } from './retention.js';
import { serveReportPage } from './report-page.js';
import { keepReportStatistics } from './report/statistics.js';
import { openDatabase } from './storage/open.js';

export interface Collector {
  (request: Request): Promise<Response>;
  /** Resolves once the database is open and migrated; rejects with the reason it could not be. */
  ready(): Promise<void>;
  /** Stops the retention schedule and closes the database; requests after it answer 503. */
  close(): Promise<void>;
  /** Runs the retention sweep now; resolves to the number of records removed. */
  removeExpired(): Promise<number>;
  /** What this process took in and turned away since it started. */
  stats(): Counters;
}

/** Routes one request once the database is open. */
async function route(context: IngestContext, request: Request): Promise<Response> {
  const url = new URL(request.url);
  const { settings, counters } = context;
  if (request.method === 'OPTIONS') return preflight(settings, request);
  if (!originAllowed(settings, request)) {
    counters.foreignOrigin++;
    return problem(403, `origin ${request.headers.get('origin')} is not allowed: add it with --origin (origins option)`, { vary: 'Origin' });
  }
  const headers = corsHeaders(request);
  if (url.pathname === '/collect')
    return request.method === 'POST'
      ? ingest(context, request, false, headers)
      : problem(405, 'POST a batch to /collect', { ...headers, allow: 'POST, OPTIONS' });
  // Public and aggregate only: the page that shows a poll has no admin token.
  if (url.pathname.startsWith('/api/polls/')) return pollRoute(context, request, url.pathname, headers);
  if (url.pathname.startsWith('/api/')) {
    const admin = checkAdmin(request, settings.adminToken);
    if (!admin.ok) {
      counters.unauthorizedAdmin++;
      return problem(401, admin.reason, { ...headers, 'www-authenticate': 'Bearer' });
    }
    return adminRoute(context, request, url, headers);
  }
  if (request.method === 'GET' || request.method === 'HEAD') {
    if (url.pathname === '/waymark.json' && settings.config)
      return new Response(settings.config.text, { headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-cache', ...headers } });
    const page = (await serveReportPage(request, url.pathname, headers)) ?? (await hostedRoute(settings, request, url.pathname, headers));
    if (page) return page;
    const asset = settings.assets ? await serveAsset(settings.assets, request, url.pathname, headers) : null;
    if (asset) return asset;
  }
  return problem(404, `nothing at ${request.method} ${url.pathname}`, headers);
}

/**
 * Waymark's collector as a fetch-style handler: `(request) => Promise<Response>`. Returns at
 * once; the database opens in the background and requests wait for it (see `ready()`).
 */
export function createCollector(options: CollectorOptions = {}): Collector {
  const counters = newCounters();
  let stopRetention = () => {};
  let closed = false;
  let closing: Promise<void> | undefined;
  const opening = (async (): Promise<IngestContext> => {
    const settings = await resolveSettings(options);
    const db = await openDatabase(settings.db, settings.onError);
    const config = settings.config?.parsed ?? null;
    const writer = createBatchWriter((batches) => commitBatches(db, config, settings.maxSkewMs, batches), {
      // PGlite runs one transaction at a time; a Postgres pool overlaps a few.
      maxInFlight: db.kind === 'embedded' ? 1 : 4,
      maxRecords: 1000,
    });
    const context = { db, writer, settings, counters, statistics: keepReportStatistics(db, settings.onError) };
    // A database filled elsewhere (another process, a restore) may have no statistics yet.
    context.statistics.refreshStale();
    if (settings.retentionDays !== null) {
      const days = settings.retentionDays;
      stopRetention = scheduleRetention(() => removeExpired(db, days, settings.now()), settings.onError);
    }
    return context;
  })();
  // ready() reports a failed open; this keeps it from also surfacing as an unhandled rejection.
  opening.catch(() => {});

  const handler = async (request: Request): Promise<Response> => {
    let context: IngestContext;
    try {
      context = await opening;
    } catch (error) {
      return unavailable(error, corsHeaders(request));
    }
    if (closed) return problem(503, 'the collector is closed', corsHeaders(request));
    try {
      return await route(context, request);
    } catch (error) {
      context.settings.onError(error as Error);
      return json(500, { error: `the collector failed on this request: ${(error as Error).message}` }, corsHeaders(request));
    }
  };
  return Object.assign(handler, {
    ready: () => opening.then(() => undefined),
    close: () =>
      (closing ??= (async () => {
        closed = true;
        stopRetention();
        const context = await opening.catch(() => null);
        await context?.writer.settled();
        await context?.statistics.settled();
        await context?.db.close();
      })()),
    removeExpired: async () => {
      const { db, settings } = await opening;
      return settings.retentionDays === null ? 0 : removeExpired(db, settings.retentionDays, settings.now());
    },
    stats: () => ({ ...counters }),
  });
}
