// The one place that builds PouchDB for the app: IndexedDB for this desktop's replica, HTTP for the office's CouchDB,
// and the replication protocol between them. Everything else in the app reaches sync through renderer/sync/engine.ts.
import PouchDB from 'pouchdb-core';
import type { Database } from 'pouchdb-core';
import IdbAdapter from 'pouchdb-adapter-idb';
import HttpAdapter from 'pouchdb-adapter-http';
import Replication from 'pouchdb-replication';
import type { SyncDoc } from '../../shared/sync/sync-docs';

const Pouch = PouchDB.plugin(IdbAdapter).plugin(HttpAdapter).plugin(Replication);

/** Name of this desktop's replica of the office database (beside, never inside, the app's Dexie database). */
export const LOCAL_REPLICA_NAME = 'grant-portfolio-sync';

export type SyncDatabase = Database<SyncDoc>;

export interface ServerCredentials {
  username: string;
  password: string;
}

/**
 * This desktop's replica in IndexedDB.
 * @public Opened by the sync session the store hook-up adds (issue 18); the engine's tests use the memory adapter.
 */
export function openLocalReplica(name = LOCAL_REPLICA_NAME): SyncDatabase {
  return new Pouch<SyncDoc>(name, { adapter: 'idb' });
}

/**
 * The office's database on its CouchDB server; `skip_setup` because only the setup script creates it.
 * @public Opened by the sync session the store hook-up adds (issue 18).
 */
export function openServerDatabase(url: string, credentials: ServerCredentials): SyncDatabase {
  return new Pouch<SyncDoc>(url, { adapter: 'http', skip_setup: true, auth: credentials });
}
