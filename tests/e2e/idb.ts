// Reads the app's IndexedDB straight from the page (not through the app's code), so end-to-end checks of "nothing
// changed" and "all or nothing" do not trust the code under test.
import type { Page } from './harness';

/**
 * The name of the database holding the app's data now. A restore writes a new database and points at it
 * (renderer/store/current-database.ts); the pointer is read here as stored, without the app's code.
 */
export function appDatabaseName(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const base = 'grant-portfolio';
        const req = indexedDB.open(`${base}-current`, 1);
        // Created as the app creates it, when the app has not yet (a page that never opened the store).
        req.onupgradeneeded = () => req.result.createObjectStore('current');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const get = req.result.transaction('current').objectStore('current').get(base);
          get.onsuccess = () => {
            req.result.close();
            resolve(typeof get.result === 'string' ? get.result : base);
          };
          get.onerror = () => reject(get.error);
        };
      }),
  );
}

/** Every row of the given stores, in key order. */
export async function dumpStores(page: Page, names: readonly string[]): Promise<Record<string, unknown[]>> {
  return page.evaluate(
    ([name, stores]) =>
      new Promise<Record<string, unknown[]>>((resolve, reject) => {
        const req = indexedDB.open(name);
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const idb = req.result;
          const tx = idb.transaction(stores, 'readonly');
          const out: Record<string, unknown[]> = {};
          for (const n of stores) {
            const r = tx.objectStore(n).getAll();
            r.onsuccess = () => (out[n] = r.result);
          }
          tx.oncomplete = () => {
            idb.close();
            resolve(out);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    [await appDatabaseName(page), [...names]] as const,
  );
}

/** Row counts of the given stores. */
export async function countStores(page: Page, names: readonly string[]): Promise<Record<string, number>> {
  return page.evaluate(
    ([name, stores]) =>
      new Promise<Record<string, number>>((resolve, reject) => {
        const req = indexedDB.open(name);
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const idb = req.result;
          const tx = idb.transaction(stores, 'readonly');
          const out: Record<string, number> = {};
          for (const n of stores) {
            const c = tx.objectStore(n).count();
            c.onsuccess = () => (out[n] = c.result);
          }
          tx.oncomplete = () => {
            idb.close();
            resolve(out);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    [await appDatabaseName(page), [...names]] as const,
  );
}
