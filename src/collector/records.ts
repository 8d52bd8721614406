import type { Json, PageInfo, Props, Touchpoint } from '../types.js';

/** One record as the collector stores it: the SDK's touchpoint shape, whatever format it came in. */
export type StoredTouchpoint = Touchpoint & { userId: string | null };

/** Where a request's records came from: stored beside each, and what the roll-ups and ledgers count with. */
export interface RecordMeta {
  receivedAt: Date;
  writeKey: string | null;
  trusted: boolean;
}

/** One request's checked records and where they came from. */
export interface Batch {
  touchpoints: StoredTouchpoint[];
  meta: RecordMeta;
}

export type Checked = { ok: true; touchpoint: StoredTouchpoint } | { ok: false; reason: string };

const MAX_ID = 128;
const MAX_NAME = 200;
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown, max: number) => typeof value === 'string' && value.length > 0 && value.length <= max;
const optionalText = (value: unknown) => (typeof value === 'string' ? value : '');

function pageOf(value: unknown): PageInfo {
  const page = isObject(value) ? value : {};
  return { url: optionalText(page.url), path: optionalText(page.path), referrer: optionalText(page.referrer), title: optionalText(page.title) };
}

type Fields = Record<'id' | 'name' | 'ts' | 'anonymousId' | 'userId' | 'sessionId' | 'props' | 'page', unknown>;

/** Checks the fields every stored record needs; the reason names the first field at fault. */
function finish(fields: Fields): Checked {
  const { id, name, ts, anonymousId, userId, sessionId, props, page } = fields;
  if (!text(id, MAX_ID)) return { ok: false, reason: `id must be a string of 1 to ${MAX_ID} characters` };
  if (!text(name, MAX_NAME)) return { ok: false, reason: `name must be a string of 1 to ${MAX_NAME} characters` };
  if (typeof ts !== 'string' || !Number.isFinite(Date.parse(ts))) return { ok: false, reason: 'ts must be an ISO 8601 date' };
  if (!text(anonymousId, MAX_ID)) return { ok: false, reason: `anonymousId must be a string of 1 to ${MAX_ID} characters` };
  if (userId !== null && userId !== undefined && typeof userId !== 'string') return { ok: false, reason: 'userId must be a string or null' };
  if (props !== undefined && !isObject(props)) return { ok: false, reason: 'props must be an object' };
  const touchpoint: StoredTouchpoint = {
    id: id as string,
    name: name as string,
    props: (props ?? {}) as Props,
    ts: new Date(Date.parse(ts)).toISOString(),
    anonymousId: anonymousId as string,
    userId: (userId as string | null | undefined) ?? null,
    sessionId: optionalText(sessionId),
    page: pageOf(page),
  };
  return { ok: true, touchpoint };
}

/**
 * The Segment HTTP batch format, as `format: 'segment'` encodes it: `messageId` is the id,
 * a `page` call is `$page_view`, an `identify` is `$identify` with its traits.
 */
function fromSegment(record: Record<string, unknown>): Checked {
  const context = isObject(record.context) ? record.context : {};
  const type = record.type;
  const name = type === 'page' ? '$page_view' : type === 'identify' ? '$identify' : type === 'track' ? record.event : undefined;
  if (name === undefined) return { ok: false, reason: 'type must be "track", "page" or "identify"' };
  const properties = isObject(record.properties) ? record.properties : record.properties === undefined ? {} : record.properties;
  const props = type === 'identify' ? { traits: (isObject(record.traits) ? record.traits : {}) as Json } : properties;
  return finish({
    id: record.messageId,
    name,
    ts: record.timestamp,
    anonymousId: record.anonymousId ?? record.userId,
    userId: record.userId,
    sessionId: undefined,
    props,
    page: context.page,
  });
}

// Postgres text and jsonb cannot hold U+0000 or half a surrogate pair; JSON can only carry them escaped.
const UNSTORABLE_ESCAPE = /\\u(0000|d[89a-f])/i;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Whether a body may hold a string the database refuses; only then are its records walked. */
export const mayHoldUnstorable = (body: string): boolean => UNSTORABLE_ESCAPE.test(body);

function unstorableIn(value: unknown): string | null {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) return 'the NUL character (U+0000)';
    return LONE_SURROGATE.test(value) ? 'a lone surrogate (half a UTF-16 pair)' : null;
  }
  if (typeof value !== 'object' || value === null) return null;
  for (const [key, inner] of Object.entries(value)) {
    const found = unstorableIn(key) ?? unstorableIn(inner);
    if (found) return found;
  }
  return null;
}

/** The reason a checked record cannot be stored as it is, or null: rejected alone, it cannot fail its batch. */
export function unstorableReason(touchpoint: StoredTouchpoint): string | null {
  const found = unstorableIn(touchpoint);
  return found ? `the record holds ${found}, which the database cannot store` : null;
}

/** Checks one record of a batch on its own, in whichever of the two formats it is. */
export function checkRecord(value: unknown): Checked {
  if (!isObject(value)) return { ok: false, reason: 'a record must be an object' };
  // Anything else is the SDK's wire format (DESIGN.md §2).
  return 'messageId' in value || 'type' in value ? fromSegment(value) : finish(value as Fields);
}

export interface ParsedBatch {
  writeKey: string | undefined;
  records: unknown[];
}

/** The envelope both formats share: `{ writeKey?, batch: [...] }`. */
export function parseBatch(body: string): ParsedBatch | { error: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return { error: 'the body is not JSON' };
  }
  if (!isObject(parsed) || !Array.isArray(parsed.batch)) return { error: 'the body must be an object with a "batch" array' };
  const writeKey = typeof parsed.writeKey === 'string' ? parsed.writeKey : undefined;
  return { writeKey, records: parsed.batch };
}
