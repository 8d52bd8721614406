/**
 * Where a Waymark collector serves a poll's counts: beside its `/collect`. Any other endpoint
 * is not a collector, so there is nothing to ask (and no request to a stranger). The poll
 * widget fetches them (widgets/survey/poll-results.ts), so the engine carries only this.
 */
export function pollResultsUrl(endpoint: string | undefined, promptId: string): string | null {
  const base = endpoint?.match(/^(.*)\/collect\/?(?:[?#].*)?$/)?.[1];
  return base === undefined ? null : `${base}/api/polls/${encodeURIComponent(promptId)}`;
}
