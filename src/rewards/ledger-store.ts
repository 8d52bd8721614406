import type { Config } from '../config/schema.js';
import { WaymarkError } from '../errors.js';
import { createSavedDocument } from '../storage/saved-document.js';
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
  const saved = createSavedDocument(ledgerDatabase(namespace), LEDGER_STORE, 'state', ledgerCopyKey(namespace));
  let persistent = typeof indexedDB !== 'undefined';
  let stored: unknown;
  let savedAt: unknown;
  if (persistent) {
    try {
      [stored, savedAt] = await saved.readStored();
    } catch (error) {
      persistent = false;
      report(new WaymarkError('storage_unavailable', `points are kept in memory only: ${String(error)}`, error));
    }
  }
  const copy = saved.newerCopy(savedAt);
  if (copy) stored = copy.data;
  return createLedger(config, stored, (ledger) => {
    const at = Date.now();
    // Changes are rare (points, redemptions, reset), so each also leaves a synchronous copy that
    // survives a page closing before its IndexedDB write commits.
    saved.copy(ledger.toJSON(), at);
    if (persistent) saved.write(ledger.toJSON(), at).catch((error) => report(new WaymarkError('storage_failed', `points not saved: ${String(error)}`, error)));
    onChange(ledger);
  });
}
