import { WaymarkError } from '../errors.js';
import type { PageExit } from '../lifecycle/page-exit.js';
import { PROFILE_STORE, profileCopyKey, profileDatabase } from '../storage/names.js';
import { createSavedDocument, type SavedDocument } from '../storage/saved-document.js';

/** Profiles change on every touchpoint; one write a second is plenty. */
const WRITE_INTERVAL_MS = 1_000;

export interface ProfileStore {
  load(): Promise<unknown>;
  /** Coalesced: at most about one write a second, plus one as the page goes. */
  save(data: unknown): void;
  /** Writes a pending save now. */
  flush(): Promise<void>;
  clear(): Promise<void>;
  /** Flushes and stops writing as the page goes. */
  close(): Promise<void>;
}

/** Runs an IndexedDB operation, or after the first failure none: undefined then, and `storage_unavailable` reported once. */
type Attempt = <T>(run: () => Promise<T>) => Promise<T | undefined>;

function createAttempt(onError: (error: WaymarkError) => void): [attempt: Attempt, failed: () => boolean] {
  let failed = false;
  const fail = (error: unknown) => {
    if (!failed) onError(new WaymarkError('storage_unavailable', 'IndexedDB is unavailable; the profile lasts for this page only', error));
    failed = true;
  };
  const attempt: Attempt = async (run) => {
    if (failed) return undefined;
    try {
      return await run();
    } catch (error) {
      fail(error);
      return undefined;
    }
  };
  return [attempt, () => failed];
}

/** Saves coalesced to about one write a second; a save pending as the page hides leaves a synchronous copy. */
type CoalescedWrites = [write: () => Promise<void>, schedule: (data: unknown) => void, cancel: () => void, listen: (on: boolean) => void];

function createCoalescedWrites(attempt: Attempt, saved: SavedDocument, pageExit: PageExit): CoalescedWrites {
  let pending: { data: unknown } | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastWriteAt = 0;
  let stopListening: (() => void) | undefined;

  const write = async () => {
    clearTimeout(timer);
    timer = undefined;
    if (!pending) return;
    const { data } = pending;
    pending = null;
    const at = (lastWriteAt = Date.now());
    await attempt(() => saved.write(data, at));
  };
  const onPageHide = () => {
    if (pending) saved.copy(pending.data);
    void write();
  };
  const listen = (on: boolean) => {
    if (on === Boolean(stopListening)) return;
    stopListening?.();
    stopListening = on ? pageExit.on('persist', onPageHide) : undefined;
  };
  const schedule = (data: unknown) => {
    pending = { data };
    listen(true);
    timer ??= setTimeout(() => void write(), Math.max(0, lastWriteAt + WRITE_INTERVAL_MS - Date.now()));
  };
  /** Drops a pending save. */
  const cancel = () => {
    clearTimeout(timer);
    timer = undefined;
    pending = null;
  };
  return [write, schedule, cancel, listen];
}

/**
 * Persists the profile in IndexedDB (`profileDatabase` in storage/names.ts). Where IndexedDB is
 * missing or failing (some private modes, blocked storage) it keeps the profile in memory
 * and reports `storage_unavailable` once. Never rejects.
 */
export function createProfileStore(
  namespace: string,
  onError: (error: WaymarkError) => void,
  // The SDK's one page-exit owner: the store saves in its persist phase (docs/delivery-faults.md).
  pageExit: PageExit,
): ProfileStore {
  const [attempt, failed] = createAttempt(onError);
  const saved = createSavedDocument(profileDatabase(namespace), PROFILE_STORE, 'profile', profileCopyKey(namespace));
  const [write, schedule, cancel, listen] = createCoalescedWrites(attempt, saved, pageExit);
  let memory: unknown;

  return {
    async load() {
      const [stored, savedAt] = (await attempt(saved.readStored)) ?? [];
      const copy = saved.newerCopy(savedAt);
      if (copy) {
        // The previous page left before its write committed: its copy is the newest.
        if (copy.data !== null) this.save(copy.data);
        return copy.data ?? undefined;
      }
      return failed() ? memory : stored;
    },
    save(data) {
      memory = data;
      schedule(data);
    },
    flush: write,
    async clear() {
      cancel();
      memory = undefined;
      // Forgetting must survive a navigation right after reset() (a logout redirect).
      const at = Date.now();
      saved.copy(null, at);
      await attempt(() => saved.remove(at));
    },
    async close() {
      listen(false);
      await write();
    },
  };
}
