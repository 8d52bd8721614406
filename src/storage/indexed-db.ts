import type { UseStore } from 'idb-keyval';

/** How long opening may wait: behind another tab's delete, held up by a page that never yields. */
export const OPEN_TIMEOUT_MS = 5_000;

/**
 * idb-keyval's `createStore`, with a connection that yields to other tabs (issue 18.3). A tab
 * deleting or upgrading the database sends `versionchange`; a connection left open blocks that
 * request and every page opening after it, so it is closed here and opened again on next use.
 * A connection the browser closes (site data cleared) is opened again too. An open that is
 * blocked or waits too long fails, so callers fall back to memory instead of hanging.
 */
export function createYieldingStore(databaseName: string, storeName: string, onVersionChange: () => void = () => {}): UseStore {
  let connection: Promise<IDBDatabase> | undefined;
  const forget = (database: IDBDatabase) => {
    database.close();
    connection = undefined;
  };

  const open = () =>
    new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(databaseName);
      let settled = false;
      const fail = (error: unknown) => {
        settled = true;
        clearTimeout(timer);
        reject(error);
      };
      const timer = setTimeout(() => fail(new DOMException('open timed out', 'TimeoutError')), OPEN_TIMEOUT_MS);
      request.onupgradeneeded = () => request.result.createObjectStore(storeName);
      request.onblocked = () => fail(new DOMException('open blocked', 'InvalidStateError'));
      request.onerror = () => fail(request.error);
      request.onsuccess = () => {
        const database = request.result;
        if (settled) return database.close(); // given up on: do not hold another tab up
        clearTimeout(timer);
        database.onversionchange = () => (forget(database), onVersionChange());
        database.onclose = () => (connection = undefined);
        resolve(database);
      };
    });

  return (mode, callback) => {
    const opening = (connection ??= open());
    opening.catch(() => {
      if (connection === opening) connection = undefined;
    });
    return opening.then((database) => callback(database.transaction(storeName, mode).objectStore(storeName)));
  };
}
