import { describe, expect, it } from 'vitest';
import { segmentFormat, waymarkFormat } from '../../src/transport/formats.js';
import type { Touchpoint } from '../../src/types.js';

const page = { url: 'https://shop.example/cart?x=1', path: '/cart', referrer: 'https://search.example/', title: 'Cart' };
const base = { ts: '2026-03-01T12:00:00.000Z', anonymousId: 'anon-1', sessionId: 'session-1', page };
const records: Touchpoint[] = [
  { ...base, id: '0195f0a0-0000-7000-8000-000000000001', name: 'purchase', props: { amount: 120 }, userId: null },
  { ...base, id: '0195f0a0-0000-7000-8000-000000000002', name: '$page_view', props: {}, userId: 'user-9' },
  { ...base, id: '0195f0a0-0000-7000-8000-000000000003', name: '$identify', props: { userId: 'user-9', traits: { plan: 'pro' } }, userId: 'user-9' },
];
const meta = { writeKey: 'wk_1', sentAt: '2026-03-01T12:00:05.000Z', sdk: 'waymark@0.1.0', attempt: 2 };

describe('waymark format', () => {
  it('is exactly the DESIGN.md wire format, records untouched', () => {
    expect(JSON.parse(waymarkFormat.encode(records, meta))).toEqual({ ...meta, batch: records });
  });
  it('omits an absent writeKey', () => {
    expect(JSON.parse(waymarkFormat.encode(records, { ...meta, writeKey: undefined }))).not.toHaveProperty('writeKey');
  });
});

describe('segment format', () => {
  const body = JSON.parse(segmentFormat.encode(records, meta));

  it('carries writeKey and sentAt at the top, one message per record', () => {
    expect(body.writeKey).toBe('wk_1');
    expect(body.sentAt).toBe(meta.sentAt);
    expect(body.batch).toHaveLength(3);
  });
  it('maps custom events to track with event = name, messageId = id', () => {
    expect(body.batch[0]).toEqual({
      type: 'track',
      event: 'purchase',
      messageId: records[0]!.id,
      anonymousId: 'anon-1',
      timestamp: base.ts,
      properties: { amount: 120 },
      context: { page, library: { name: 'waymark', version: '0.1.0' } },
    });
  });
  it('maps $page_view to page with the page in properties', () => {
    expect(body.batch[1]).toMatchObject({ type: 'page', messageId: records[1]!.id, userId: 'user-9', properties: { url: page.url, path: '/cart', title: 'Cart' } });
    expect(body.batch[1]).not.toHaveProperty('event');
  });
  it('maps $identify to identify with traits', () => {
    expect(body.batch[2]).toMatchObject({ type: 'identify', userId: 'user-9', traits: { plan: 'pro' } });
  });
});
