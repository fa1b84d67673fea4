// Sync as the screens see it: sign in and start (the first turn-on also records every stored record for upload and
// takes the backup first), stop, resolve a "to review" item, and one status (state, progress, last error) for the
// Settings panel. PouchDB, the engine and the store's applying of colleagues' batches run in the sync Worker
// (sync.worker.ts, through the one Worker client): one Worker at a time, started only when sync is started.
import { useSyncExternalStore } from 'react';
import type { Bilingual } from '../../shared/domain/message';
import { syncServerOrigin } from '../../shared/sync/server-origin';
import { callback, WorkerClient } from '../platform/worker-client';
import { db, onSyncRecorded } from '../store/db';
import { startSyncRecording, stopSyncRecording } from '../store/sync-port';
import { loadSyncConfig, saveSyncConfig, syncReplicaId } from '../store/sync-settings';
import type { SyncState } from './engine';
import type { SyncFailure, SyncWorkerApi, SyncWorkerEvent } from './sync-protocol';
import { UNUSABLE_URL, describeRefusedDocument, describeSyncError } from './sync-errors';

export interface SyncStatus {
  state: SyncState;
  /** Documents moved in the current direction, and the server's count when known (the first download's bar). */
  progress: { direction: 'push' | 'pull'; docs: number; total?: number } | null;
  lastError: Bilingual | null;
  /** Sync runs in this window (signed in with a password this session). */
  running: boolean;
  /**
   * This run's first round (upload, download, merges) has ended well: what the server held when it began is in the
   * store. The state alone does not say so: live replication starts right after and shows 'syncing' while it catches up.
   */
  roundDone: boolean;
}

let status: SyncStatus = { state: 'stopped', progress: null, lastError: null, running: false, roundDone: false };
const listeners = new Set<() => void>();

function setStatus(patch: Partial<SyncStatus>): void {
  status = { ...status, ...patch };
  listeners.forEach((l) => l());
}

export function useSyncStatus(): SyncStatus {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => status,
  );
}

/** Set before a reload this window makes itself; the reloaded Settings panel turns sync on again with the kept password. */
const CONTINUE_AFTER_RELOAD = 'gp-sync-continue';

/**
 * Before a reload the app makes itself (the desktop's new server policy, a restore): sync goes on after it where the
 * host keeps the password (the desktop app); the browser build keeps none, so its panel asks for it ("Resume sync").
 * `onlyIfRunning`: only when sync runs in this window now.
 */
export function continueSyncAfterReload(onlyIfRunning = false): void {
  if (!onlyIfRunning || status.running) sessionStorage.setItem(CONTINUE_AFTER_RELOAD, '1');
}

/** Whether the panel should turn sync on again now (once: the mark is taken). */
export function takeContinueAfterReload(): boolean {
  if (sessionStorage.getItem(CONTINUE_AFTER_RELOAD) !== '1') return false;
  sessionStorage.removeItem(CONTINUE_AFTER_RELOAD);
  return true;
}

/** A problem to show the user as it is (already in plain words). */
export class SyncUserError extends Error {
  constructor(readonly text: Bilingual) {
    super(text.en);
  }
}

interface Running {
  client: WorkerClient<SyncWorkerApi>;
  off: () => void;
  timer: ReturnType<typeof setTimeout> | null;
  /** Settles the first round's wait when sync is stopped or the Worker dies before the round's end. */
  endRound: (failure: SyncFailure | null) => void;
}
let running: Running | null = null;

/** How long after a recorded write the change is sent, so a burst of writes goes as one batch. */
const PUSH_DELAY_MS = 200;
/** How long stopping waits for the Worker to finish the batch it is applying before ending it anyway. */
const STOP_GRACE_MS = 5_000;

function onEvent(e: SyncWorkerEvent): void {
  if (e.type === 'state') setStatus({ state: e.state });
  else if (e.type === 'progress') setStatus({ progress: { direction: e.direction, docs: e.docs, ...(e.total !== undefined ? { total: e.total } : {}) } });
  else if (e.type === 'error') setStatus({ lastError: describeSyncError({ message: e.message }) });
  else if (e.type === 'denied') setStatus({ lastError: describeRefusedDocument(e.docId, e.reason) });
}

const WORKER_DIED: SyncFailure = { message: 'the sync worker stopped unexpectedly' };

export interface StartOptions {
  url: string;
  user: string;
  password: string;
  /** Runs once, after the sign-in is checked and before anything is recorded or uploaded (the automatic backup). */
  beforeFirstUpload?: () => Promise<void>;
}

/**
 * Signs in and starts syncing: on the first turn-on (and after a turn-off) every stored record is queued for upload;
 * then one full round (upload, download with progress, merges) and live replication until `stopSync`.
 */
export async function startSync(opts: StartOptions): Promise<void> {
  await stopEngine();
  const url = opts.url.trim().replace(/\/+$/, '');
  const user = opts.user.trim();
  setStatus({ lastError: null, progress: null, roundDone: false });
  if (syncServerOrigin(url) === null) {
    setStatus({ lastError: UNUSABLE_URL });
    throw new SyncUserError(UNUSABLE_URL);
  }
  let roundEnded: (failure: SyncFailure | null) => void = () => undefined;
  const round = new Promise<SyncFailure | null>((resolve) => (roundEnded = resolve));
  const client = new WorkerClient<SyncWorkerApi>(() => {
    const worker = new Worker(new URL('./sync.worker.ts', import.meta.url), { type: 'module' });
    // A crash ends the Worker (the client rejects calls waiting on it); the round's wait is no call, so it ends here.
    worker.addEventListener('error', () => roundEnded(WORKER_DIED));
    return worker;
  });
  const refused = await client.call((w) => w.signIn({ url, user, password: opts.password })).catch((e: unknown) => ({ message: (e as Error).message }) satisfies SyncFailure);
  if (refused) {
    client.terminate();
    const text = describeSyncError(refused);
    setStatus({ lastError: text, state: 'error' });
    throw new SyncUserError(text);
  }
  try {
    const config = await loadSyncConfig();
    if (!config.backedUp && opts.beforeFirstUpload) await opts.beforeFirstUpload();
    await saveSyncConfig({ url, user, enabled: true, backedUp: true });
    await db.open();
    if (!db.syncRecording) await startSyncRecording();
  } catch (e) {
    client.terminate();
    throw e;
  }

  const r: Running = { client, off: () => undefined, timer: null, endRound: roundEnded };
  r.off = onSyncRecorded(() => {
    if (r.timer) return;
    r.timer = setTimeout(() => {
      r.timer = null;
      client
        .call((w) => w.pushLocalChanges())
        .then((failure) => failure && setStatus({ lastError: describeSyncError(failure) }))
        .catch((e: unknown) => setStatus({ lastError: describeSyncError(e) }));
    }, PUSH_DELAY_MS);
  });
  running = r;
  setStatus({ running: true });
  try {
    await client.call(async (w) => w.begin({ user, replica: await syncReplicaId() }, callback((e: SyncWorkerEvent) => (e.type === 'round' ? roundEnded(e.failure) : onEvent(e)))));
  } catch (e) {
    roundEnded({ message: (e as Error).message });
  }
  const failure = await round;
  if (!failure && running === r) setStatus({ roundDone: true });
  if (failure) {
    // Offline or the server hiccuped: live replication retries; a refused sign-in stops here.
    setStatus({ lastError: describeSyncError(failure) });
    if (failure.status === 401 || failure.status === 403 || failure === WORKER_DIED) {
      await stopEngine();
      throw new SyncUserError(describeSyncError(failure));
    }
  }
  if (running === r) await client.call((w) => w.startLive());
}

async function stopEngine(): Promise<void> {
  const r = running;
  running = null;
  if (!r) return;
  if (r.timer) clearTimeout(r.timer);
  r.off();
  r.endRound(null);
  // The Worker ends either way: a batch it was writing is aborted as a whole and applied again next time.
  await r.client.call((w) => w.stop(), { timeoutMs: STOP_GRACE_MS }).catch(() => undefined);
  r.client.terminate();
  setStatus({ running: false, state: 'stopped', progress: null, roundDone: false });
}

/** Turns sync off: replication stops and nothing more is recorded; the local data stays as it is. */
export async function stopSync(): Promise<void> {
  await stopEngine();
  await stopSyncRecording();
  const config = await loadSyncConfig();
  await saveSyncConfig({ ...config, enabled: false });
}

/** Chooses one value of a field under review; a new revision is written and sent. */
export async function resolveReviewItem(docId: string, field: string, value: unknown): Promise<void> {
  if (!running) throw new SyncUserError({ ja: '同期を開始してから選んでください（設定 → 共有）。', en: 'Start sync first (Settings → Sharing), then choose.' });
  const failure = await running.client.call((w) => w.resolve(docId, field, value));
  if (failure) throw new Error(failure.message ?? failure.reason ?? 'resolve failed');
}
