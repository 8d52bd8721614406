import { boundedTime } from '../clock.js';
import { backoffDelay, MAX_RETRY_AFTER_MS } from '../transport/backoff.js';
import { NETWORK_OR_CORS } from '../transport/send.js';
import { report, type OutboxState } from './state.js';

/**
 * Milliseconds until the next delivery attempt may start (0 or less: now). Adopts a later
 * time another tab was given, never one beyond the longest real wait (issue 18.1).
 */
export function retryWait(o: OutboxState): number {
  const [sharedAt, sharedFailures] = o.sharedRetry.read();
  const trustedAt = boundedTime(sharedAt, MAX_RETRY_AFTER_MS);
  if (trustedAt > o.retryAt && trustedAt > Date.now()) (o.retryAt = trustedAt), (o.failures = sharedFailures);
  o.retryAt = boundedTime(o.retryAt, MAX_RETRY_AFTER_MS);
  return o.retryAt - Date.now();
}

/** Whether a batch may start now: an endpoint, online, not backing off. */
export const sendable = (o: OutboxState): boolean => Boolean(o.outboxOptions.endpoint()) && navigator.onLine !== false && retryWait(o) <= 0;

/** Backs off after a failed batch (or as the endpoint's `Retry-After` says), for every tab of the origin. */
export function backOff(o: OutboxState, status: number, retryAfter: number | undefined): void {
  if (Date.now() < o.retryAt) return; // another batch of this run already scheduled the retry
  const delay = Math.round(retryAfter ?? backoffDelay(o.failures));
  o.retryAt = Date.now() + delay;
  const message = status ? `HTTP ${status}, retry in ${delay} ms` : `${NETWORK_OR_CORS}, retry in ${delay} ms`;
  if (o.failures++) o.lastError = message;
  else report(o, 'delivery_failed', message, { status, retryInMs: delay, reason: status ? `http_${status}` : 'network_or_cors' });
  o.sharedRetry.write(o.retryAt, o.failures);
}

/** Back online: try at once, and let the other tabs know. */
export function retryNow(o: OutboxState): void {
  o.failures = o.retryAt = 0;
  o.sharedRetry.write(0, 0);
}
