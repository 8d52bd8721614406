import type { WaymarkError } from '../errors.js';

const STORAGE_CODES = new Set(['storage_unavailable', 'storage_failed']);

/**
 * The outbox, the profile and the points ledger all meet the same failing IndexedDB, and the
 * README promises one storage error per page, not one per module (issue 18.13): later ones
 * only reach the debug log.
 */
export function storageErrorsOnce(emit: (error: WaymarkError) => void, debug: (message: string) => void) {
  let storageReported = false;
  return (error: WaymarkError) => {
    debug(`${error.code}: ${error.message}`);
    if (STORAGE_CODES.has(error.code)) {
      if (storageReported) return;
      storageReported = true;
    }
    emit(error);
  };
}
