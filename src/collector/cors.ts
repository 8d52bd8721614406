/**
 * Cross-origin rules. The SDK posts a CORS-simple body, so browsers send it without a
 * preflight, but the page may read the answer (points, tier) only when it carries
 * `Access-Control-Allow-Origin` for its origin; without it `fetch` rejects and the outbox
 * retries forever. Admin routes send `Authorization`, which does preflight.
 */
export interface OriginPolicy {
  /** Exact origins (`https://shop.example`), or `*` for any. */
  origins: readonly string[];
}

/** Whether a request may be answered with CORS headers; a request without `Origin` is not cross-origin. */
export function originAllowed(policy: OriginPolicy, request: Request): boolean {
  const origin = request.headers.get('origin');
  if (origin === null) return true;
  if (policy.origins.includes('*') || policy.origins.includes(origin)) return true;
  // The collector's own pages (the demo, /report) are same-origin, whatever the list says.
  return origin === new URL(request.url).origin;
}

/** The headers an answer to an allowed origin carries; they differ per origin, hence `Vary`. */
export function corsHeaders(request: Request): Record<string, string> {
  const origin = request.headers.get('origin');
  if (origin === null) return {};
  return { 'access-control-allow-origin': origin, vary: 'Origin', 'access-control-expose-headers': 'retry-after' };
}

const ALLOWED_HEADERS = ['content-type', 'content-encoding', 'authorization'];

/** The answer to `OPTIONS`: 204 with what may be sent, for an allowed origin only. */
export function preflight(policy: OriginPolicy, request: Request): Response {
  if (!originAllowed(policy, request)) {
    return new Response(JSON.stringify({ error: `origin ${request.headers.get('origin')} is not allowed: add it with --origin` }), {
      status: 403,
      headers: { 'content-type': 'application/json', vary: 'Origin' },
    });
  }
  const requested = (request.headers.get('access-control-request-headers') ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name && ALLOWED_HEADERS.includes(name));
  return new Response(null, {
    status: 204,
    headers: {
      ...corsHeaders(request),
      'access-control-allow-methods': 'GET, POST, DELETE, OPTIONS',
      'access-control-allow-headers': (requested.length ? requested : ALLOWED_HEADERS).join(', '),
      'access-control-max-age': '600',
    },
  });
}
