import { randomUUID } from 'node:crypto';

/** The shop's events, in the mix a store sees, with props the rewards rules read. */
const EVENTS = [
  { name: '$page_view', props: () => ({}) },
  { name: 'product_view', props: (n) => ({ sku: `sku-${n % 40}` }) },
  { name: 'share', props: () => ({ channel: 'copy-link' }) },
  { name: 'purchase', props: (n) => ({ amount: 20 + (n % 9) * 35 }) },
  { name: 'signup', props: () => ({}) },
  { name: 'share', props: () => ({ channel: 'email' }) },
  { name: '$redeem', props: () => ({ offerId: 'five-off', cost: 200 }) },
];

/** One wire-format touchpoint of `visitor`, its `n`th; `ts` is now, as a browser would stamp it. */
export function touchpoint(visitor, n) {
  const event = EVENTS[n % EVENTS.length];
  return {
    id: randomUUID(),
    name: event.name,
    props: event.props(n),
    ts: new Date().toISOString(),
    anonymousId: visitor,
    userId: null,
    sessionId: `${visitor}-s`,
    page: { url: 'http://127.0.0.1/shop/', path: '/shop/', referrer: '', title: 'Shop' },
  };
}

/** `count` touchpoints spread over `visitors` visitors, cut into batches of `size`, each of one visitor. */
export function makeBatches({ prefix, visitors, count, size = 50 }) {
  const perVisitor = Math.ceil(count / visitors);
  const batches = [];
  for (let v = 0; v < visitors; v++) {
    const visitor = `${prefix}-v${v}`;
    const records = Array.from({ length: Math.min(perVisitor, count - v * perVisitor) }, (_, n) => touchpoint(visitor, n));
    for (let start = 0; start < records.length; start += size) batches.push({ visitor, records: records.slice(start, start + size) });
  }
  return batches;
}

export const wireBody = (records, writeKey) => JSON.stringify({ writeKey, sentAt: new Date().toISOString(), sdk: 'waymark@load', batch: records });

/**
 * POSTs one batch. Resolves `{ status, answer }`, or `{ status: 0 }` when the connection
 * failed (the process is gone): the caller then keeps the batch and sends it again, as the
 * SDK's outbox does.
 */
export async function postBatch(url, records, writeKey) {
  try {
    const response = await fetch(`${url}/collect`, {
      method: 'POST',
      body: wireBody(records, writeKey),
      headers: { 'content-type': 'text/plain;charset=UTF-8' },
    });
    const text = await response.text();
    return { status: response.status, answer: response.ok ? JSON.parse(text) : text };
  } catch (error) {
    return { status: 0, error };
  }
}

/** Every stored record of the collector, from the admin NDJSON export. */
export async function exportRecords(url, adminToken) {
  const response = await fetch(`${url}/api/export?format=ndjson`, { headers: { authorization: `Bearer ${adminToken}` } });
  if (!response.ok) throw new Error(`export answered ${response.status}: ${await response.text()}`);
  const text = await response.text();
  return text
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line));
}

/** A visitor's profile, touchpoints and ledger as the admin API gives them. */
export async function visitor(url, adminToken, anonymousId) {
  const response = await fetch(`${url}/api/visitors/${encodeURIComponent(anonymousId)}`, { headers: { authorization: `Bearer ${adminToken}` } });
  if (!response.ok) throw new Error(`visitor ${anonymousId} answered ${response.status}: ${await response.text()}`);
  return response.json();
}
