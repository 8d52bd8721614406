import { describe, expect, it } from 'vitest';
import { segmentFormat, waymarkFormat } from '../../src/transport/formats.js';
import { validateEvent } from '@segment/analytics-core';
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
      context: {
        userAgent: navigator.userAgent,
        locale: navigator.language,
        timezone: Intl.DateTimeFormat().resolvedOptions().timeZone,
        page: { ...page, search: '?x=1' },
        library: { name: 'waymark', version: '0.1.0' },
      },
    });
  });
  it('maps $page_view to page with the page in properties', () => {
    expect(body.batch[1]).toMatchObject({
      type: 'page',
      messageId: records[1]!.id,
      userId: 'user-9',
      properties: { url: page.url, path: '/cart', title: 'Cart' },
    });
    expect(body.batch[1]).not.toHaveProperty('event');
  });
  it('maps $identify to identify with traits', () => {
    expect(body.batch[2]).toMatchObject({ type: 'identify', userId: 'user-9', traits: { plan: 'pro' } });
  });
});

describe('segment format: what Segment and its validator expect (issue 11)', () => {
  const landing = {
    url: 'https://shop.example/?utm_source=news&utm_medium=email&utm_campaign=spring&utm_term=shoes&utm_content=hero',
    path: '/',
    referrer: '',
    title: 'Shop',
  };
  const stamped: Touchpoint[] = [
    { ...base, page: landing, id: '0195f0a0-0000-7000-8000-000000000010', name: 'share', props: { via: 'x', tzOffset: 60 }, userId: null },
    { ...base, page: landing, id: '0195f0a0-0000-7000-8000-000000000011', name: '$page_view', props: { tzOffset: 60 }, userId: null },
    {
      ...base,
      id: '0195f0a0-0000-7000-8000-000000000012',
      name: '$identify',
      props: { userId: 'user-9', traits: { plan: 'pro' }, tzOffset: 60 },
      userId: 'user-9',
    },
    { ...base, id: '0195f0a0-0000-7000-8000-000000000013', name: '$identify', props: { userId: null, traits: {} }, userId: null },
  ];
  const messages = JSON.parse(segmentFormat.encode(stamped, meta)).batch;

  it('passes @segment/analytics-core validateEvent, message by message', () => {
    for (const message of messages) expect(() => validateEvent(message)).not.toThrow();
  });
  it('keeps the internal tzOffset out of properties and traits', () => {
    expect(messages[0].properties).toEqual({ via: 'x' });
    expect(messages[1].properties).not.toHaveProperty('tzOffset');
    expect(messages[2].traits).toEqual({ plan: 'pro' });
  });
  it('sends identify with traits and no properties object', () => {
    expect(messages[2]).toMatchObject({ type: 'identify', userId: 'user-9', traits: { plan: 'pro' } });
    expect(messages[2]).not.toHaveProperty('properties');
  });
  it('does not send identify(null) as an empty identify', () => {
    expect(messages).toHaveLength(3);
    expect(messages.map((message: { messageId: string }) => message.messageId)).not.toContain(stamped[3]!.id);
  });
  it('adds userAgent, locale, timezone, campaign from the UTM parameters and page.search to the context', () => {
    const { context } = messages[0];
    expect(context.userAgent).toBe(navigator.userAgent);
    expect(context.locale).toBe(navigator.language);
    expect(context.timezone).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(context.campaign).toEqual({ source: 'news', medium: 'email', name: 'spring', term: 'shoes', content: 'hero' });
    expect(context.page.search).toBe('?utm_source=news&utm_medium=email&utm_campaign=spring&utm_term=shoes&utm_content=hero');
    expect(messages[1].properties.search).toBe(context.page.search);
    expect(messages[2].context).not.toHaveProperty('campaign');
  });
  it('keeps tzOffset on the waymark wire format: the points ledger counts days with it', () => {
    expect(JSON.parse(waymarkFormat.encode(stamped, meta)).batch[0].props.tzOffset).toBe(60);
  });
});
