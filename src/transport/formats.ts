import type { Props, Touchpoint } from '../types.js';

export interface BatchMeta {
  writeKey?: string | undefined;
  sentAt: string;
  /** "waymark@x.y.z" */
  sdk: string;
  /** Failed attempts in a row before this one: 0 on a first try. */
  attempt: number;
}

/** How records become a request body. A plain object, so a collector's format is one more of these. */
export interface Format {
  name: string;
  encode(records: Touchpoint[], meta: BatchMeta): string;
}

/** The wire format of DESIGN.md §2. */
export const waymarkFormat: Format = {
  name: 'waymark',
  encode: (batch, { writeKey, sentAt, sdk, attempt }) => JSON.stringify({ writeKey, sentAt, sdk, attempt, batch }),
};

const UTM_FIELDS = { source: 'utm_source', medium: 'utm_medium', name: 'utm_campaign', term: 'utm_term', content: 'utm_content' };

/** Segment's `context.campaign`: the utm_* parameters of the page the record was made on, if any. */
function campaignOf(search: URLSearchParams): Record<string, string> | undefined {
  let campaign: Record<string, string> | undefined;
  for (const [field, param] of Object.entries(UTM_FIELDS)) {
    const value = search.get(param);
    if (value) (campaign ??= {})[field] = value;
  }
  return campaign;
}

/** Read at send time, in the same browser that recorded the touchpoints. */
function browserContext() {
  if (typeof navigator === 'undefined') return {};
  return { userAgent: navigator.userAgent, locale: navigator.language, timezone: Intl.DateTimeFormat().resolvedOptions().timeZone };
}

function segmentMessage({ id, name, props, ts, anonymousId, userId, page }: Touchpoint, library: Props, browser: Props) {
  const type = name === '$page_view' ? 'page' : name === '$identify' ? 'identify' : 'track';
  // tzOffset is the points ledger's input (src/rewards/tz-stamp.ts), not a property the host tracked.
  const { tzOffset: _ledgerOnly, ...properties } = props;
  let search = '';
  try {
    search = new URL(page.url).search;
  } catch {
    // An empty or relative URL (outside a browser) has no query.
  }
  const pageContext = { ...page, search };
  return {
    type,
    event: type === 'track' ? name : undefined,
    traits: type === 'identify' ? (properties.traits ?? {}) : undefined,
    messageId: id,
    anonymousId,
    userId: userId ?? undefined,
    timestamp: ts,
    properties: type === 'page' ? { ...pageContext, ...properties } : type === 'track' ? properties : undefined,
    context: { ...browser, page: pageContext, campaign: campaignOf(new URLSearchParams(search)), library },
  };
}

/** identify(null) with no traits says only "logged out": Segment has no message for that. */
const isEmptyIdentify = ({ name, props }: Touchpoint) =>
  name === '$identify' && props.userId == null && Object.keys((props.traits as Props | null) ?? {}).length === 0;

/**
 * The Segment HTTP batch API (https://segment.com/docs/connections/sources/catalog/libraries/server/http-api/#batch),
 * which Segment, RudderStack and Jitsu ingest. `messageId` is the touchpoint id, so they dedupe retries.
 * Context fields follow Segment's common fields (https://segment.com/docs/connections/spec/common/#context).
 */
export const segmentFormat: Format = {
  name: 'segment',
  encode: (records, { writeKey, sentAt, sdk }) => {
    const library = { name: 'waymark', version: sdk.split('@')[1] ?? '' };
    const browser = browserContext();
    return JSON.stringify({
      writeKey,
      sentAt,
      batch: records.filter((record) => !isEmptyIdentify(record)).map((record) => segmentMessage(record, library, browser)),
    });
  },
};
