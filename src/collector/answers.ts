/** JSON answers; every error carries its reason in `error`, so a caller sees what to fix. */
export const json = (status: number, body: unknown, headers: Record<string, string> = {}): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers } });

export const problem = (status: number, reason: string, headers: Record<string, string> = {}): Response => json(status, { error: reason }, headers);

/** A database failure is the client's cue to retry later; its message says what went wrong. */
export const unavailable = (error: unknown, headers: Record<string, string> = {}): Response =>
  problem(503, `the database is unavailable: ${error instanceof Error ? error.message : String(error)}`, { 'retry-after': '5', ...headers });
