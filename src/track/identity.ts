import { readValue as read, removeValue as remove, writeValue } from '../storage/sync-storage.js';
import { anonymousIdKey, sessionKey, userIdKey } from '../storage/names.js';
import { uuidv7 } from './uuid.js';

export const SESSION_TIMEOUT_MS = 30 * 60 * 1000;
/** Session activity is written at most this often: one small write, not one per track(). */
const ACTIVITY_WRITE_MS = 5_000;

interface StoredSession {
  id: string;
  startedAt: number;
  lastActivityAt: number;
}

export interface Identity {
  anonymousId(): string;
  userId(): string | null;
  setUserId(userId: string | null): void;
  /** The current session id, rotated after 30 minutes without activity (shared by tabs). */
  session(now: number): string;
  /** New anonymous id, no user, new session: for reset(). */
  reset(): void;
  /** Takes on a change another tab made (already stored there); the session is read again. */
  adopt(anonymousId: string, userId: string | null): void;
  persist(): void;
}

/**
 * Who the visitor is. Read synchronously, so track() can stamp ids without waiting: from
 * localStorage, or a first-party cookie where it is full or blocked, or memory where both are.
 */
export function createIdentity(namespace: string, initialUserId?: string): Identity {
  const aidKey = anonymousIdKey(namespace);
  const uidKey = userIdKey(namespace);
  const storedSessionKey = sessionKey(namespace);
  let anonymousId = read(aidKey) ?? write(aidKey, uuidv7());
  let userId: string | null = initialUserId ?? read(uidKey);
  if (initialUserId) write(uidKey, initialUserId);
  let session = parseSession(read(storedSessionKey));
  let writtenAt = 0;

  const persistSession = () => {
    if (session) write(storedSessionKey, JSON.stringify(session));
    writtenAt = session?.lastActivityAt ?? 0;
  };

  return {
    anonymousId: () => anonymousId,
    userId: () => userId,
    setUserId(next) {
      userId = next;
      if (next === null) remove(uidKey);
      else write(uidKey, next);
    },
    session(now) {
      // Another tab may have moved the session on; re-read only when ours looks expired.
      if (!session || !sessionLive(session, now)) {
        const stored = parseSession(read(storedSessionKey));
        session = stored && sessionLive(stored, now) ? stored : { id: uuidv7(now), startedAt: now, lastActivityAt: now };
        session.lastActivityAt = now;
        persistSession();
      } else {
        session.lastActivityAt = Math.max(session.lastActivityAt, now);
        if (now - writtenAt > ACTIVITY_WRITE_MS) persistSession();
      }
      return session.id;
    },
    reset() {
      anonymousId = write(aidKey, uuidv7());
      userId = null;
      remove(uidKey);
      // The new session is stored at once, so that tabs adopting this visitor share it.
      session = null;
      remove(storedSessionKey);
      this.session(Date.now());
    },
    adopt(nextAnonymousId, nextUserId) {
      anonymousId = nextAnonymousId;
      userId = nextUserId;
      session = null;
    },
    persist: persistSession,
  };
}

/**
 * Activity within the timeout, in either direction: a last activity far in the future was
 * stamped by a clock that ran ahead, and trusting it would keep one session alive for a year
 * (issue 18.1).
 */
const sessionLive = (session: StoredSession, now: number) => Math.abs(now - session.lastActivityAt) <= SESSION_TIMEOUT_MS;

function parseSession(text: string | null): StoredSession | null {
  try {
    const value = text ? JSON.parse(text) : null;
    return value && typeof value.id === 'string' && typeof value.lastActivityAt === 'number' ? value : null;
  } catch {
    return null;
  }
}

/** Writes and hands the value back, for `id = write(key, uuidv7())`. */
function write(key: string, value: string): string {
  writeValue(key, value);
  return value;
}
