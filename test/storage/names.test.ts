import { describe, expect, it } from 'vitest';
import * as names from '../../src/storage/names.js';

/**
 * The names are part of the data on visitors' devices: a page of a later version must find
 * what an earlier one stored, so each is pinned here as released.
 */
describe('storage names', () => {
  it('are the released names, byte for byte', () => {
    const of = (name: (namespace: string) => string) => name('shop');
    expect({
      outboxDatabase: of(names.outboxDatabase),
      profileDatabase: of(names.profileDatabase),
      ledgerDatabase: of(names.ledgerDatabase),
      stores: [names.OUTBOX_STORE, names.PROFILE_STORE, names.LEDGER_STORE],
      anonymousIdKey: of(names.anonymousIdKey),
      userIdKey: of(names.userIdKey),
      sessionKey: of(names.sessionKey),
      profileCopyKey: of(names.profileCopyKey),
      ledgerCopyKey: of(names.ledgerCopyKey),
      retryKey: of(names.retryKey),
      droppedKey: of(names.droppedKey),
      spillKeyPrefix: of(names.spillKeyPrefix),
      sentKeyPrefix: of(names.sentKeyPrefix),
      surveyProgressKey: of(names.surveyProgressKey),
      promptChannel: of(names.promptChannel),
      touchpointChannel: of(names.touchpointChannel),
      flushLock: of(names.flushLock),
      promptLock: of(names.promptLock),
    }).toEqual({
      outboxDatabase: 'waymark-shop-outbox',
      profileDatabase: 'waymark-shop-profile',
      ledgerDatabase: 'waymark-shop-ledger',
      stores: ['outbox', 'profile', 'ledger'],
      anonymousIdKey: 'waymark:shop:aid',
      userIdKey: 'waymark:shop:uid',
      sessionKey: 'waymark:shop:session',
      profileCopyKey: 'waymark:shop:profile',
      ledgerCopyKey: 'waymark:shop:ledger',
      retryKey: 'waymark:shop:retry',
      droppedKey: 'waymark:shop:dropped',
      spillKeyPrefix: 'waymark:shop:spill:',
      sentKeyPrefix: 'waymark:shop:sent:',
      surveyProgressKey: 'waymark:shop:survey',
      promptChannel: 'waymark-shop',
      touchpointChannel: 'waymark-shop-touchpoints',
      flushLock: 'waymark-shop-flush',
      promptLock: 'waymark-shop-prompt',
    });
  });
});
