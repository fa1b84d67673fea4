// Sync as the screens see it: sign in and start (the first turn-on also records every stored record for upload and
// takes the backup first), stop, resolve a "to review" item, and one status (state, progress, last error) for the
// Settings panel. One live engine at a time; PouchDB and the engine are loaded only when sync is started.
import { useSyncExternalStore } from 'react';
import type { Bilingual } from '../../shared/domain/message';
import { syncServerOrigin } from '../../shared/sync/server-origin';
import { db, onSyncRecorded } from '../store/db';
import { createStoreSyncPort, startSyncRecording, stopSyncRecording } from '../store/sync-port';
import { loadSyncConfig, saveSyncConfig, syncReplicaId } from '../store/sync-settings';
import type { SyncEngine, SyncEvent, SyncState } from './engine';
import { UNUSABLE_URL, describeRefusedDocument, describeSyncError } from './sync-errors';

export interface SyncStatus {
  state: SyncState;
  /** Documents moved in the current direction, and the server's count when known (the first download's bar). */
  progress: { direction: 'push' | 'pull'; docs: number; total?: number } | null;
  lastError: Bilingual | null;
  /** Sync runs in this window (signed in with a password this session). */
  running: boolean;
}

let status: SyncStatus = { state: 'stopped', progress: null, lastError: null, running: false };
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

/** A problem to show the user as it is (already in plain words). */
export class SyncUserError extends Error {
  constructor(readonly text: Bilingual) {
    super(text.en);
  }
}

interface Running {
  engine: SyncEngine;
  off: () => void;
  timer: ReturnType<typeof setTimeout> | null;
}
let running: Running | null = null;

/** How long after a recorded write the change is sent, so a burst of writes goes as one batch. */
const PUSH_DELAY_MS = 200;

function onEvent(e: SyncEvent): void {
  if (e.type === 'state') setStatus({ state: e.state });
  else if (e.type === 'progress') setStatus({ progress: { direction: e.direction, docs: e.docs, ...(e.total !== undefined ? { total: e.total } : {}) } });
  else if (e.type === 'error') setStatus({ lastError: describeSyncError({ message: e.message }) });
  else if (e.type === 'denied') setStatus({ lastError: describeRefusedDocument(e.docId, e.reason) });
}

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
  setStatus({ lastError: null, progress: null });
  if (syncServerOrigin(url) === null) {
    setStatus({ lastError: UNUSABLE_URL });
    throw new SyncUserError(UNUSABLE_URL);
  }
  const [{ openLocalReplica, openServerDatabase }, { SyncEngine: Engine }] = await Promise.all([import('./pouch'), import('./engine')]);
  const remote = openServerDatabase(url, { username: user, password: opts.password });
  try {
    await remote.info();
  } catch (e) {
    const text = describeSyncError(e);
    setStatus({ lastError: text, state: 'error' });
    throw new SyncUserError(text);
  }
  const config = await loadSyncConfig();
  if (!config.backedUp && opts.beforeFirstUpload) await opts.beforeFirstUpload();
  await saveSyncConfig({ url, user, enabled: true, backedUp: true });
  await db.open();
  if (!db.syncRecording) await startSyncRecording();

  const engine = new Engine({ local: openLocalReplica(), remote, store: createStoreSyncPort(), user, replica: await syncReplicaId() });
  const offEvents = engine.on(onEvent);
  const r: Running = { engine, off: () => undefined, timer: null };
  const offRecorded = onSyncRecorded(() => {
    if (r.timer) return;
    r.timer = setTimeout(() => {
      r.timer = null;
      engine.pushLocalChanges().catch((e: unknown) => setStatus({ lastError: describeSyncError(e) }));
    }, PUSH_DELAY_MS);
  });
  r.off = () => {
    offEvents();
    offRecorded();
  };
  running = r;
  setStatus({ running: true });
  try {
    await engine.syncOnce();
  } catch (e) {
    // Offline or the server hiccuped: live replication retries; a refused sign-in stops here.
    setStatus({ lastError: describeSyncError(e) });
    const s = (e as { status?: number }).status;
    if (s === 401 || s === 403) {
      await stopEngine();
      throw new SyncUserError(describeSyncError(e));
    }
  }
  if (running === r) engine.start();
}

async function stopEngine(): Promise<void> {
  const r = running;
  running = null;
  if (!r) return;
  if (r.timer) clearTimeout(r.timer);
  r.off();
  await r.engine.stop();
  setStatus({ running: false, state: 'stopped', progress: null });
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
  await running.engine.resolve(docId, field, value);
}
