import type { Touchpoint } from '../types.js';

export interface TabFeed {
  /** Shares touchpoints this tab recorded, so other tabs' profiles and ledgers stay in step. */
  share(touchpoints: Touchpoint[]): void;
  close(): void;
}

/**
 * Tabs of one origin keep their profile in memory and persist it; without sharing, two tabs
 * would overwrite each other's counts. Every tab applies every touchpoint (deduplicated by id).
 */
export function createTabFeed(namespace: string, receive: (touchpoints: Touchpoint[]) => void): TabFeed {
  let channel: BroadcastChannel | null = null;
  try {
    channel = new BroadcastChannel(`waymark-${namespace}-touchpoints`);
    channel.onmessage = (event: MessageEvent) => {
      if (Array.isArray(event.data)) receive(event.data as Touchpoint[]);
    };
  } catch {
    // No BroadcastChannel (old Safari, some workers): each tab keeps its own view.
  }
  return {
    share(touchpoints) {
      try {
        if (touchpoints.length) channel?.postMessage(touchpoints);
      } catch {
        // A closed channel during teardown: nothing left to keep in step.
      }
    },
    close() {
      channel?.close();
      channel = null;
    },
  };
}
