// Reads the app's IndexedDB straight from the page (not through the app's code), so end-to-end checks of "nothing
// changed" and "all or nothing" do not trust the code under test.
import type { Page } from './harness';

/** Every row of the given stores, in key order. */
export async function dumpStores(page: Page, names: readonly string[]): Promise<Record<string, unknown[]>> {
  return page.evaluate(
    (stores) =>
      new Promise<Record<string, unknown[]>>((resolve, reject) => {
        const req = indexedDB.open('grant-portfolio');
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
    [...names],
  );
}

/** Row counts of the given stores. */
export async function countStores(page: Page, names: readonly string[]): Promise<Record<string, number>> {
  return page.evaluate(
    (stores) =>
      new Promise<Record<string, number>>((resolve, reject) => {
        const req = indexedDB.open('grant-portfolio');
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
    [...names],
  );
}
