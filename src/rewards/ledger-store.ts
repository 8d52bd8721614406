import { getMany, setMany, type UseStore } from 'idb-keyval';
import { createYieldingStore } from '../storage/indexed-db.js';
import type { Config } from '../config/schema.js';
import { WaymarkError } from '../errors.js';
import { createLastWord } from '../storage/last-word.js';
import { createLedger, type Ledger } from './live-ledger.js';
import { LEDGER_STORE, ledgerCopyKey, ledgerDatabase } from '../storage/names.js';

/**
 * Loads the visitor's ledger from IndexedDB (`waymark-${namespace}-ledger`) and saves it
 * after every change. Without IndexedDB it lives in memory for the page's lifetime. Tabs stay
 * in step because every tab applies every touchpoint; the last write holds all of them.
 */
export async function openLedger(
  config: Config,
  namespace: string,
  onChange: (ledger: Ledger) => void,
  report: (error: WaymarkError) => void,
): Promise<Ledger> {
  let store: UseStore | null = null;
  let stored: unknown;
  let savedAt: unknown;
  // Changes are rare (points, redemptions, reset), so each also leaves a synchronous copy that
  // survives a page closing before its IndexedDB write commits.
  const lastWord = createLastWord(ledgerCopyKey(namespace));
  if (typeof indexedDB !== 'undefined') {
    try {
      store = createYieldingStore(ledgerDatabase(namespace), LEDGER_STORE);
      [stored, savedAt] = await getMany(['state', 'savedAt'], store);
    } catch (error) {
      store = null;
      report(new WaymarkError('storage_unavailable', `points are kept in memory only: ${String(error)}`, error));
    }
  }
  const copy = lastWord.read();
  if (copy && copy.at >= (typeof savedAt === 'number' ? savedAt : 0)) stored = copy.data;
  return createLedger(config, stored, (ledger) => {
    const at = Date.now();
    lastWord.write(ledger.toJSON(), at);
    store &&
      setMany(
        [
          ['state', ledger.toJSON()],
          ['savedAt', at],
        ],
        store,
      ).then(
        () => lastWord.settle(at),
        (error) => report(new WaymarkError('storage_failed', `points not saved: ${String(error)}`, error)),
      );
    onChange(ledger);
  });
}
