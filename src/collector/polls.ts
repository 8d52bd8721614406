import type { Config } from '../config/schema.js';
import { localize } from '../config/localize.js';
import { json, problem } from './answers.js';
import type { IngestContext } from './ingest.js';

/** How long one poll's counts are reused: a popular poll costs one query per this, per process. */
export const POLL_CACHE_MS = 10_000;
/** Polls kept in the cache at most: ids are the caller's, so they must not grow it without bound. */
const CACHED_POLLS = 500;

export interface PollCounts {
  promptId: string;
  /** Visitors who voted (a multiple-choice vote counts once here, once per choice below). */
  votes: number;
  /** Choice label, in the config's default locale → votes for it. */
  choices: Record<string, number>;
}

type Cache = Map<string, { until: number; counts: PollCounts | null }>;
const caches = new WeakMap<IngestContext, Cache>();

/**
 * `GET /api/polls/<promptId>`: public and aggregate only (how many voted for each choice,
 * never who), so a poll can show its shares to the visitor who just voted. Only polls are
 * served: with a config, the prompts it names as polls; without, prompts recorded as polls.
 */
export async function pollRoute(context: IngestContext, request: Request, pathname: string, headers: Record<string, string>): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return problem(405, 'GET a poll', { ...headers, allow: 'GET, HEAD, OPTIONS' });
  let promptId: string;
  try {
    promptId = decodeURIComponent(pathname.slice('/api/polls/'.length));
  } catch {
    return problem(400, 'the poll id is not valid URL encoding', headers);
  }
  const cache = caches.get(context) ?? new Map();
  caches.set(context, cache);
  const now = context.settings.now();
  let entry = cache.get(promptId);
  if (!entry || entry.until <= now) {
    entry = { until: now + POLL_CACHE_MS, counts: await pollCounts(context, promptId) };
    cache.delete(promptId);
    cache.set(promptId, entry);
    if (cache.size > CACHED_POLLS) cache.delete(cache.keys().next().value!);
  }
  if (!entry.counts) return problem(404, `no poll "${promptId}"${context.settings.config ? ' in the config' : ' has been recorded'}`, headers);
  return json(200, entry.counts, { ...headers, 'cache-control': `public, max-age=${POLL_CACHE_MS / 1000}` });
}

/** The poll's votes from the daily roll-up, or null when the prompt is not a poll. */
async function pollCounts({ db, settings }: IngestContext, promptId: string): Promise<PollCounts | null> {
  const configured = settings.config ? configuredPoll(settings.config.parsed, promptId) : undefined;
  if (configured === null) return null;
  if (!configured) {
    const [known] = await db.query<{ kind: string }>('SELECT kind FROM waymark_prompt_kinds WHERE prompt_id = $1', [promptId]);
    if (known?.kind !== 'poll') return null;
  }
  const rows = await db.query<{ measure: string; key: string; count: string }>(
    `SELECT measure, CASE WHEN measure = 'answer' THEN '' ELSE key END AS key, sum(count) AS count FROM waymark_daily
     WHERE prompt_id = $1 AND (measure = 'reason' OR (measure = 'answer' AND key LIKE 'poll|%')) GROUP BY 1, 2`,
    [promptId],
  );
  const choices: Record<string, number> = Object.fromEntries((configured ?? []).map((label) => [label, 0]));
  let votes = 0;
  for (const row of rows) {
    if (row.measure === 'answer') votes = Number(row.count);
    else if (!configured || configured.includes(row.key)) choices[row.key] = Number(row.count);
  }
  return { promptId, votes, choices };
}

/** A configured poll's choice labels; null when the config has that prompt but not as a poll, or lacks it. */
function configuredPoll(config: Config, promptId: string): string[] | null {
  const prompt = config.prompts?.find((candidate) => candidate.id === promptId);
  if (prompt?.kind !== 'poll') return null;
  const locale = config.defaultLocale ?? 'en';
  return prompt.content.choices.map((choice) => localize(choice, locale, locale));
}
