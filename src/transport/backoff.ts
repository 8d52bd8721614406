const BASE_MS = 1_000;
export const MAX_BACKOFF_MS = 5 * 60_000;
export const MAX_RETRY_AFTER_MS = 60 * 60_000;

/**
 * Exponential backoff with "equal jitter": a delay between half and all of
 * min(cap, 1 s · 2^attempt), so tabs and pages that failed together do not retry together.
 */
export const backoffDelay = (attempt: number, random = Math.random()): number => {
  const ceiling = Math.min(MAX_BACKOFF_MS, BASE_MS * 2 ** attempt);
  return (ceiling * (1 + random)) / 2;
};

/**
 * `Retry-After` is delta-seconds or an HTTP-date (RFC 9110 §10.2.3). Capped at an hour so a
 * misconfigured server cannot park the outbox for days; undefined when absent or unreadable.
 */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (!header?.trim()) return undefined;
  const seconds = Number(header);
  const ms = Number.isNaN(seconds) ? Date.parse(header) - now : seconds * 1000;
  return Number.isNaN(ms) ? undefined : Math.min(MAX_RETRY_AFTER_MS, Math.max(0, ms));
}
