import type { PageInfo, Props, Touchpoint } from '../types.js';
import type { Identity } from './identity.js';
import { uuidv7 } from './uuid.js';

let isoOf = NaN;
let iso = '';
/** A burst stamps hundreds of touchpoints per millisecond; toISOString() costs more than the rest of the stamp. */
const isoTime = (ms: number) => (ms === isoOf ? iso : ((isoOf = ms), (iso = new Date(ms).toISOString())));

/** Stamps a touchpoint once: its id and time never change afterwards, across retries. */
export function makeTouchpoint(name: string, props: Props, identity: Identity, page: PageInfo, now = Date.now()): Touchpoint {
  return {
    id: uuidv7(now),
    name,
    props,
    ts: isoTime(now),
    anonymousId: identity.anonymousId(),
    userId: identity.userId(),
    sessionId: identity.session(now),
    page,
  };
}
