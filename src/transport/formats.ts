import type { Touchpoint } from '../types.js';

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

/**
 * The Segment HTTP batch API (https://segment.com/docs/connections/sources/catalog/libraries/server/http-api/#batch),
 * which Segment, RudderStack and Jitsu ingest. `messageId` is the touchpoint id, so they dedupe retries.
 */
export const segmentFormat: Format = {
  name: 'segment',
  encode: (records, { writeKey, sentAt, sdk }) =>
    JSON.stringify({
      writeKey,
      sentAt,
      batch: records.map(({ id, name, props, ts, anonymousId, userId, page }) => {
        const type = name === '$page_view' ? 'page' : name === '$identify' ? 'identify' : 'track';
        return {
          type,
          event: type === 'track' ? name : undefined,
          traits: type === 'identify' ? props.traits : undefined,
          messageId: id,
          anonymousId,
          userId: userId ?? undefined,
          timestamp: ts,
          properties: type === 'page' ? { ...page, ...props } : props,
          context: { page, library: { name: 'waymark', version: sdk.split('@')[1] } },
        };
      }),
    }),
};
