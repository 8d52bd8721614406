import type { Touchpoint } from '../types.js';
import { touchpointChannel } from '../storage/names.js';

/** A visitor change made in one tab (identify, reset): every other tab adopts it at once. */
export interface IdentityChange {
  anonymousId: string;
  userId: string | null;
  /** A new visitor: the others forget the old one's profile, points and scheduled prompts. */
  reset: boolean;
}

export interface TabFeed {
  /** Shares touchpoints this tab recorded, so other tabs' profiles and ledgers stay in step. */
  share(touchpoints: Touchpoint[]): void;
  /** Tells the other tabs who the visitor is now. */
  announce(change: IdentityChange): void;
  close(): void;
}

/**
 * Tabs of one origin keep their profile in memory and persist it; without sharing, two tabs
 * would overwrite each other's counts. Every tab applies every touchpoint (deduplicated by id).
 * Identity changes travel on the same channel, so they arrive in order with the touchpoints
 * around them: nothing of the new visitor is applied to the old one's profile.
 */
export function createTabFeed(namespace: string, receive: (touchpoints: Touchpoint[]) => void, adopt: (change: IdentityChange) => void): TabFeed {
  let channel: BroadcastChannel | null = null;
  try {
    channel = new BroadcastChannel(touchpointChannel(namespace));
    channel.onmessage = ({ data }: MessageEvent) => {
      if (Array.isArray(data)) receive(data as Touchpoint[]);
      else if (typeof data?.identity?.anonymousId === 'string') adopt(data.identity as IdentityChange);
    };
  } catch {
    // No BroadcastChannel (old Safari, some workers): each tab keeps its own view.
  }
  const post = (message: unknown) => {
    try {
      channel?.postMessage(message);
    } catch {
      // A closed channel during teardown: nothing left to keep in step.
    }
  };
  return {
    share(touchpoints) {
      if (touchpoints.length) post(touchpoints);
    },
    announce: (identity) => post({ identity }),
    close() {
      channel?.close();
      channel = null;
    },
  };
}
