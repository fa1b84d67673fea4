// The sync Worker's side of sync-protocol.ts: the engine over this desktop's replica, the office's database and the
// store's sync port, all inside the Worker. The databases and the store come in as functions, so the same code runs in
// Node's tests over PouchDB's memory adapter and a fake store.
import { SyncEngine } from './engine';
import type { SyncEngineOptions } from './engine';
import type { ServerCredentials, SyncDatabase } from './pouch';
import type { SyncStorePort } from './store-port';
import type { SyncWorkerApi, SyncWorkerEvent } from './sync-protocol';
import { toFailure } from './sync-protocol';

export interface SyncWorkerDeps {
  openLocal(): SyncDatabase;
  openRemote(url: string, credentials: ServerCredentials): SyncDatabase;
  store(): SyncStorePort;
  /** Batch sizes and the clock, for tests; the app uses the engine's defaults. */
  tuning?: Pick<SyncEngineOptions, 'now' | 'batchSize' | 'applyBatchSize'>;
}

/** CouchDB's error names for the statuses `describeSyncError` tells apart. */
const STATUS_OF_ERROR: Record<string, number> = { unauthorized: 401, forbidden: 403, not_found: 404 };

export function createSyncWorkerApi(deps: SyncWorkerDeps): SyncWorkerApi {
  let remote: SyncDatabase | null = null;
  let engine: SyncEngine | null = null;
  let offEvents: (() => void) | null = null;

  async function stop(): Promise<void> {
    const e = engine;
    engine = null;
    offEvents?.();
    offEvents = null;
    await e?.stop();
  }

  return {
    async signIn({ url, user, password }) {
      await stop();
      remote = deps.openRemote(url, { username: user, password });
      try {
        // PouchDB's HTTP adapter answers a refused info with the server's error body instead of throwing.
        const info = (await remote.info()) as { error?: string; reason?: string };
        if (typeof info.error !== 'string') return null;
        remote = null;
        return { status: STATUS_OF_ERROR[info.error] ?? 500, name: info.error, ...(info.reason ? { reason: info.reason } : {}) };
      } catch (e) {
        remote = null;
        return toFailure(e);
      }
    },

    async begin({ user, replica }, onEvent) {
      if (!remote) throw new Error('Sign in before starting sync / 先にサインインしてください');
      await stop();
      // The page's listener is a proxy: a call made after the page let go of this Worker is dropped.
      const send = (e: SyncWorkerEvent): void => void Promise.resolve(onEvent(e) as unknown).catch(() => undefined);
      const e = new SyncEngine({ local: deps.openLocal(), remote, store: deps.store(), user, replica, ...deps.tuning });
      engine = e;
      offEvents = e.on(send);
      e.syncOnce().then(
        () => send({ type: 'round', failure: null }),
        (err: unknown) => send({ type: 'round', failure: toFailure(err) }),
      );
    },

    async startLive() {
      engine?.start();
    },

    async pushLocalChanges() {
      try {
        await engine?.pushLocalChanges();
        return null;
      } catch (e) {
        return toFailure(e);
      }
    },

    async resolve(docId, field, value) {
      if (!engine) return { message: 'Sync is not running' };
      try {
        await engine.resolve(docId, field, value);
        return null;
      } catch (e) {
        return toFailure(e);
      }
    },

    stop,
  };
}
