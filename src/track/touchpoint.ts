import type { PageInfo, Props, Touchpoint } from '../types.js';
import type { Identity } from './identity.js';
import { uuidv7 } from './uuid.js';

/** Stamps a touchpoint once: its id and time never change afterwards, across retries. */
export function makeTouchpoint(name: string, props: Props, identity: Identity, page: PageInfo, now = Date.now()): Touchpoint {
  return {
    id: uuidv7(now),
    name,
    props,
    ts: new Date(now).toISOString(),
    anonymousId: identity.anonymousId(),
    userId: identity.userId(),
    sessionId: identity.session(now),
    page,
  };
}
