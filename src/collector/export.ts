import type { Database } from './storage/database.js';
import { recordsPage, type Range, type RecordRow } from './storage/records-sql.js';

const PAGE = 1_000;
const CSV_COLUMNS = ['id', 'name', 'ts', 'receivedAt', 'writeKey', 'anonymousId', 'userId', 'sessionId', 'url', 'path', 'trusted', 'props'] as const;

const toDate = (value: Date | string) => (value instanceof Date ? value : new Date(value));
// The write key tells which site sent a record; the SDK does not repeat it in each record.
const exported = (row: RecordRow) => ({ ...row.record, receivedAt: toDate(row.received_at).toISOString(), writeKey: row.write_key, trusted: row.trusted });

/** Quotes a CSV field when it must (RFC 4180); a leading = + - @ is defused so a spreadsheet shows it as text. */
function csvField(value: unknown): string {
  let text = value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  if (/^[=+\-@]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function csvLine(row: RecordRow): string {
  const record = exported(row);
  const values: Record<(typeof CSV_COLUMNS)[number], unknown> = { ...record, url: record.page.url, path: record.page.path };
  return `${CSV_COLUMNS.map((column) => csvField(values[column])).join(',')}\r\n`;
}

/**
 * Every record received in `range`, oldest first, as NDJSON or CSV. Read page by page with a
 * keyset cursor, so an export of millions of rows holds one page in memory and works the
 * same on both databases.
 */
export function exportStream(db: Database, range: Range, format: 'ndjson' | 'csv', onError: (error: Error) => void): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let after: { receivedAt: Date; id: string } | null = null;
  let header = format === 'csv';
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        if (header) {
          header = false;
          return controller.enqueue(encoder.encode(`${CSV_COLUMNS.join(',')}\r\n`));
        }
        const rows = await recordsPage(db, range, after, PAGE);
        if (!rows.length) return controller.close();
        const last = rows[rows.length - 1]!;
        after = { receivedAt: toDate(last.received_at), id: last.record.id };
        const text = rows.map((row) => (format === 'csv' ? csvLine(row) : `${JSON.stringify(exported(row))}\n`)).join('');
        controller.enqueue(encoder.encode(text));
      } catch (error) {
        // The status line is already sent: cutting the stream is how the client learns it is incomplete.
        onError(error as Error);
        controller.error(error);
      }
    },
  });
}
