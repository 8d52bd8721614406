import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Collector } from '../../src/collector/index.js';

export const BASE = 'http://127.0.0.1:4300';
export const WRITE_KEY = 'test-key';
export const ADMIN_TOKEN = 'test-admin-token';

export interface WireRecord {
  id: string;
  name: string;
  props: Record<string, unknown>;
  ts: string;
  anonymousId: string;
  userId: string | null;
  sessionId: string;
  page: { url: string; path: string; referrer: string; title: string };
}

/** A touchpoint as the SDK sends it. */
export function record(anonymousId: string, name: string, props: Record<string, unknown> = {}, ts = new Date().toISOString()): WireRecord {
  return {
    id: randomUUID(),
    name,
    props,
    ts,
    anonymousId,
    userId: null,
    sessionId: `${anonymousId}-s`,
    page: { url: 'https://shop.example/', path: '/', referrer: '', title: 'Shop' },
  };
}

export const wire = (batch: unknown[], writeKey: string | undefined = WRITE_KEY) =>
  JSON.stringify({ writeKey, sentAt: new Date().toISOString(), sdk: 'waymark@test', batch });

export function post(path: string, body: BodyInit, headers: Record<string, string> = {}): Request {
  return new Request(`${BASE}${path}`, { method: 'POST', body, headers: { 'content-type': 'text/plain;charset=UTF-8', ...headers } });
}

export const collect = (collector: Collector, batch: unknown[], headers: Record<string, string> = {}) => collector(post('/collect', wire(batch), headers));
export const collectGzip = (collector: Collector, batch: unknown[]) => collector(post('/collect', gzipSync(wire(batch)), { 'content-encoding': 'gzip' }));

export const admin = (collector: Collector, path: string, init: RequestInit = {}) =>
  collector(new Request(`${BASE}${path}`, { ...init, headers: { authorization: `Bearer ${ADMIN_TOKEN}`, ...(init.headers as Record<string, string>) } }));

export async function visitorOf(collector: Collector, anonymousId: string) {
  const response = await admin(collector, `/api/visitors/${encodeURIComponent(anonymousId)}`);
  if (!response.ok) throw new Error(`visitor ${anonymousId}: ${response.status} ${await response.text()}`);
  return (await response.json()) as {
    profile: { points: number; tier: string | null; lifetime: number } | null;
    ledger: Array<{ delta: number; rule: string; source: string; balance: number; lifetime: number; offerId: string | null; at: string }>;
    refused: Array<{ source: string; offerId: string | null; refused: string }>;
    touchpoints: Array<WireRecord & { receivedAt: string; trusted: boolean }>;
  };
}

export async function exported(collector: Collector, query = 'format=ndjson'): Promise<Array<WireRecord & { receivedAt: string; writeKey: string | null }>> {
  const response = await admin(collector, `/api/export?${query}`);
  const text = await response.text();
  if (!response.ok) throw new Error(`export: ${response.status} ${text}`);
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
}
