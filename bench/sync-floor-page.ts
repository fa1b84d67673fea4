// The floor for sync-50k: a bare PouchDB replication (the same PouchDB modules and IndexedDB adapter the app uses) of
// the office database into an empty local database, in a page of its own. It bypasses the app's sync module on
// purpose: it is the yardstick, not the product.
import PouchDB from 'pouchdb-core';
import IdbAdapter from 'pouchdb-adapter-idb';
import HttpAdapter from 'pouchdb-adapter-http';
import Replication from 'pouchdb-replication';

const Pouch = PouchDB.plugin(IdbAdapter).plugin(HttpAdapter).plugin(Replication);

/** Replicates `url` into a fresh IndexedDB database; resolves with the time taken and the documents written. */
async function replicateFloor(url: string, username: string, password: string, batchSize: number): Promise<{ ms: number; docs: number }> {
  const local = new Pouch('bench-sync-floor', { adapter: 'idb' });
  const remote = new Pouch(url, { adapter: 'http', skip_setup: true, auth: { username, password } });
  const t0 = performance.now();
  const result = await local.replicate.from(remote, { batch_size: batchSize });
  return { ms: performance.now() - t0, docs: result.docs_written };
}

(window as unknown as { replicateFloor: typeof replicateFloor }).replicateFloor = replicateFloor;
