import { createStore, get, set, type UseStore } from 'idb-keyval';
import type { Config } from '../config/schema.js';
import { WaymarkError } from '../errors.js';
import { createLedger, type Ledger } from './ledger.js';

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
  if (typeof indexedDB !== 'undefined') {
    try {
      store = createStore(`waymark-${namespace}-ledger`, 'ledger');
      stored = await get('state', store);
    } catch (error) {
      store = null;
      report(new WaymarkError('storage_unavailable', `points are kept in memory only: ${String(error)}`, error));
    }
  }
  return createLedger(config, stored, (ledger) => {
    store && set('state', ledger.toJSON(), store).catch((error) => report(new WaymarkError('storage_failed', `points not saved: ${String(error)}`, error)));
    onChange(ledger);
  });
}
