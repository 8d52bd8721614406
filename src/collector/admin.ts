import { newVisitorLedger, profileOf } from './authority.js';
import { json, problem, unavailable } from './answers.js';
import { exportStream } from './export.js';
import { ingest, type IngestContext } from './ingest.js';
import { rangeOf } from './range.js';
import { eraseVisitor, ledgerEntries, loadLedger } from './storage/ledgers-sql.js';
import { eraseVisitorFromReport } from './report/erase-sql.js';
import { readFilters } from './report/filters.js';
import { journeyReport } from './report/journey-report.js';
import { visitorRecords } from './storage/records-sql.js';

/** The newest touchpoints a visitor answer lists; the export has them all. */
const VISITOR_TOUCHPOINTS = 1_000;

async function visitor(context: IngestContext, anonymousId: string, headers: Record<string, string>): Promise<Response> {
  const { db, settings } = context;
  const [records, stored, entries] = await Promise.all([
    visitorRecords(db, anonymousId, VISITOR_TOUCHPOINTS),
    loadLedger(db, anonymousId),
    ledgerEntries(db, anonymousId),
  ]);
  if (!records.length && !stored) return problem(404, `no visitor "${anonymousId}"`, headers);
  const ledger = stored ?? (settings.config ? newVisitorLedger(settings.config.parsed) : null);
  const at = (value: Date | string) => new Date(value).toISOString();
  return json(
    200,
    {
      anonymousId,
      profile: ledger ? profileOf(ledger) : null,
      ledger: entries.filter((entry) => entry.refused === null).map(({ refused: _refused, ...entry }) => ({ ...entry, at: at(entry.at) })),
      refused: entries.filter((entry) => entry.refused !== null).map((entry) => ({ ...entry, at: at(entry.at) })),
      touchpoints: records.map((row) => ({ ...row.record, receivedAt: at(row.received_at), trusted: row.trusted })),
    },
    headers,
  );
}

async function report(context: IngestContext, url: URL, headers: Record<string, string>): Promise<Response> {
  const filters = readFilters(url.searchParams);
  if ('error' in filters) return problem(400, filters.error, headers);
  return json(200, await journeyReport(context.db, filters, context.settings.config?.parsed ?? null), headers);
}

function exportRoute(context: IngestContext, url: URL, headers: Record<string, string>): Response {
  const format = url.searchParams.get('format') ?? 'ndjson';
  if (format !== 'ndjson' && format !== 'csv') return problem(400, `format must be ndjson or csv, not "${format}"`, headers);
  const range = rangeOf(url);
  if ('error' in range) return problem(400, range.error, headers);
  const type = format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8';
  return new Response(exportStream(context.db, range, format, context.settings.onError), {
    status: 200,
    headers: { 'content-type': type, 'cache-control': 'no-store', ...headers },
  });
}

const safeDecode = (text: string) => {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
};

/** The admin routes under `/api/`; the caller has checked the admin token. */
export async function adminRoute(context: IngestContext, request: Request, url: URL, headers: Record<string, string>): Promise<Response> {
  const { pathname } = url;
  const visitorId = /^\/api\/visitors\/([^/]+)$/.exec(pathname)?.[1];
  try {
    if (visitorId !== undefined) {
      const anonymousId = safeDecode(visitorId);
      if (anonymousId === null) return problem(400, 'the visitor id is not valid percent-encoding', headers);
      if (request.method === 'GET') return await visitor(context, anonymousId, headers);
      if (request.method === 'DELETE') {
        const erased = await context.db.transaction(async (sql) => {
          await eraseVisitorFromReport(sql, anonymousId);
          return eraseVisitor(sql, anonymousId);
        });
        return json(200, { anonymousId, erased }, headers);
      }
    }
    if (pathname === '/api/touchpoints' && request.method === 'POST') return await ingest(context, request, true, headers);
    if (request.method === 'GET') {
      if (pathname === '/api/report') return await report(context, url, headers);
      if (pathname === '/api/export') return exportRoute(context, url, headers);
      if (pathname === '/api/stats') return json(200, context.counters, headers);
    }
  } catch (error) {
    return unavailable(error, headers);
  }
  return problem(404, `no admin route ${request.method} ${pathname}`, headers);
}
