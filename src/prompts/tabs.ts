import { promptChannel, promptLock } from '../storage/names.js';

/** A tab that announced an open prompt and then vanished (crash, killed app) stops counting after this. */
const STALE_MS = 30 * 60_000;

interface TabMessage {
  tab: string;
  promptId: string;
  open: boolean;
}

export interface TabSync {
  /** The prompt another tab said it is showing, if any. */
  elsewhere(): string | undefined;
  /**
   * Takes the origin-wide display lock (Web Locks: atomic, and released by the browser if the
   * tab goes away). Resolves to its release function, or null if another tab holds it.
   */
  claim(): Promise<(() => void) | null>;
  /**
   * Resolves true once the display lock is free (at once without Web Locks): the moment a
   * queued prompt may take its turn, even if the tab that held it went away without a word.
   */
  whenFree(): Promise<boolean>;
  announce(promptId: string, open: boolean): void;
  close(): void;
}

/**
 * One prompt at a time across the tabs of an origin: a lock decides who shows, and a
 * BroadcastChannel tells the other tabs what opened and closed.
 */
export function createTabSync(namespace: string, onMessage: (promptId: string, open: boolean) => void): TabSync {
  const tab = Math.random().toString(36).slice(2);
  const others = new Map<string, [promptId: string, at: number]>();
  let channel: BroadcastChannel | null = null;
  try {
    channel = new BroadcastChannel(promptChannel(namespace));
    channel.onmessage = ({ data }: MessageEvent<TabMessage>) => {
      if (data.open) others.set(data.tab, [data.promptId, Date.now()]);
      else others.delete(data.tab);
      onMessage(data.promptId, data.open);
    };
  } catch {
    // No BroadcastChannel: the lock alone still keeps two tabs from showing at once.
  }
  const elsewhere = () => {
    for (const [promptId, at] of others.values()) if (Date.now() - at < STALE_MS) return promptId;
    return undefined;
  };
  const webLocks = () => (typeof navigator === 'undefined' ? undefined : navigator.locks);
  return {
    elsewhere,
    claim() {
      const locks = webLocks();
      const free = () => () => {};
      if (!locks) return Promise.resolve(elsewhere() ? null : free());
      return new Promise((resolve) => {
        locks
          .request(promptLock(namespace), { ifAvailable: true }, (lock) => {
            if (!lock) return resolve(null);
            others.clear(); // whoever announced an open prompt no longer holds the lock
            return new Promise<void>((release) => resolve(release));
          })
          .catch(() => resolve(free()));
      });
    },
    whenFree() {
      const locks = webLocks();
      // Granted and given back at once; a null lock (a stand-in that does not wait) is not free.
      return locks ? locks.request(promptLock(namespace), {}, (lock) => !!lock).catch(() => false) : Promise.resolve(true);
    },
    announce(promptId, open) {
      try {
        channel?.postMessage({ tab, promptId, open } satisfies TabMessage);
      } catch {
        // Closed during teardown.
      }
    },
    close() {
      channel?.close();
      channel = null;
    },
  };
}
