export interface LoadTouchpoint {
  id: string;
  name: string;
  props: Record<string, unknown>;
  ts: string;
  anonymousId: string;
  userId: null;
  sessionId: string;
  page: { url: string; path: string; referrer: string; title: string };
}

export interface LoadBatch {
  visitor: string;
  records: LoadTouchpoint[];
}

export interface CollectAnswer {
  accepted: number;
  duplicates: number;
  rejected: Array<{ index: number; reason: string }>;
  profile?: { points: number; tier: string | null; lifetime: number };
}

export function touchpoint(visitor: string, n: number): LoadTouchpoint;
export function makeBatches(options: { prefix: string; visitors: number; count: number; size?: number }): LoadBatch[];
export function wireBody(records: LoadTouchpoint[], writeKey: string): string;
export function postBatch(url: string, records: LoadTouchpoint[], writeKey: string): Promise<{ status: number; answer?: CollectAnswer | string; error?: unknown }>;
export function exportRecords(url: string, adminToken: string): Promise<Array<Record<string, unknown> & { id: string; anonymousId: string }>>;
export function visitor(url: string, adminToken: string, anonymousId: string): Promise<Record<string, unknown>>;
