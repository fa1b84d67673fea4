// The sync Worker: PouchDB's replica and replication, the engine, and the store's sync port (Dexie works here too; its
// writes reach the page's live queries through Dexie's cross-context notifications). Started by sync-session.ts.
import { serveWorkerApi } from '../platform/worker-client';
import { createStoreSyncPort } from '../store/sync-port';
import { openLocalReplica, openServerDatabase } from './pouch';
import { createSyncWorkerApi } from './sync-worker-api';

serveWorkerApi(createSyncWorkerApi({ openLocal: () => openLocalReplica(), openRemote: openServerDatabase, store: () => createStoreSyncPort() }));
