import { retryAfterMs } from './backoff.js';

/** What one POST came to. `status` 0 is a network failure, a timeout or a CORS refusal. */
export interface Outcome {
  status: number;
  retryAfterMs?: number | undefined;
  /** Parsed JSON of a 2xx answer, when it has one. */
  body?: unknown;
}

const TIMEOUT_MS = 10_000;

/**
 * POSTs a string body. Without `headers` the request is CORS-simple: a string body is sent as
 * `text/plain;charset=UTF-8`, so there is no preflight and it may outlive the page (keepalive).
 * Never rejects.
 */
export async function post(url: string, body: string, headers?: Record<string, string>, keepalive = false, timeout = !keepalive): Promise<Outcome> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      body,
      keepalive,
      ...(headers ? { headers } : {}),
      // A hung request would hold the flusher role; a page-hide request must outlive the page.
      ...(timeout ? { signal: AbortSignal.timeout?.(TIMEOUT_MS) } : {}),
    });
    const outcome: Outcome = { status: response.status, retryAfterMs: retryAfterMs(response.headers.get('retry-after')) };
    if (response.ok) {
      const text = await response.text().catch(() => '');
      try {
        if (text) outcome.body = JSON.parse(text);
      } catch {
        // A non-JSON 2xx answer still confirms delivery.
      }
    }
    return outcome;
  } catch {
    return { status: 0 };
  }
}

/** A request the endpoint refuses as malformed: 400 and 422 (one bad record refuses its whole batch). */
export const isRefusal = (status: number) => status === 400 || status === 422;

/**
 * A fetch that rejects tells a script nothing more (Fetch spec: a CORS failure is a "network
 * error"), so the message names both: a collector that stores batches without sending
 * `Access-Control-Allow-Origin` looks exactly like one that is down.
 */
export const NETWORK_OR_CORS = 'network error or CORS refusal (the endpoint is unreachable, or its answer lacks Access-Control-Allow-Origin)';

/** 408, 429, 5xx and network failures are worth retrying; other answers are final. */
export const isRetryable = (status: number) => status === 0 || status === 408 || status === 429 || status >= 500;
