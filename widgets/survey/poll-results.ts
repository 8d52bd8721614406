import type { PollResults } from '../contract.js';

/** Long enough for a collector under load, short enough that the visitor is not left waiting. */
const WAIT_MS = 5000;

const count = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;

/** The votes so far at `url`, or null when it fails, is slow, or answers something else than counts. */
export async function fetchPollResults(url: string): Promise<PollResults | null> {
  try {
    const signal = typeof AbortSignal.timeout === 'function' ? AbortSignal.timeout(WAIT_MS) : null;
    const response = await fetch(url, { credentials: 'omit', signal });
    if (!response.ok) return null;
    const { votes, choices } = (await response.json()) as Partial<PollResults>;
    if (!count(votes) || typeof choices !== 'object' || choices === null || !Object.values(choices).every(count)) return null;
    return { votes, choices };
  } catch {
    return null;
  }
}
