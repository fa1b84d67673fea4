// What the page and the sync Worker say to each other: PouchDB (the replica, the replication and the engine) runs in
// that Worker so its batches never hold up the page. Every call returns quickly; the first round's end and everything
// else the engine reports come back as events, and failures as plain objects (a thrown error loses its HTTP status).
import type { SyncEvent } from './engine';

/** A failed sign-in, replication or write as `describeSyncError` reads it (its HTTP status kept). */
export interface SyncFailure {
  status?: number;
  name?: string;
  message?: string;
  reason?: string;
}

/** The engine's events, and the end of the round `begin` started (null: it went through). */
export type SyncWorkerEvent = SyncEvent | { type: 'round'; failure: SyncFailure | null };

export interface SyncSignIn {
  url: string;
  user: string;
  password: string;
}

export interface SyncWorkerApi {
  /** Opens the office's database with these credentials and asks it who it is: null when the server said yes. */
  signIn(signIn: SyncSignIn): Promise<SyncFailure | null>;
  /**
   * Opens this desktop's replica and starts one full round (upload, download, merges) without waiting for it: the
   * round's end arrives as a `round` event, so other calls (stop, resolve, a push) are not queued behind a download.
   */
  begin(opts: { user: string; replica: string }, onEvent: (e: SyncWorkerEvent) => void): Promise<void>;
  /** Live replication both ways until `stop`. */
  startLive(): Promise<void>;
  /** Turns the store's recorded local changes into documents (live replication sends them). */
  pushLocalChanges(): Promise<SyncFailure | null>;
  /** Chooses one value of a field under review (a new revision, applied to the store at once). */
  resolve(docId: string, field: string, value: unknown): Promise<SyncFailure | null>;
  /** Stops replicating and lets the engine finish the batch it is applying. */
  stop(): Promise<void>;
}

/** The parts of a PouchDB or fetch error that survive a postMessage. */
export function toFailure(error: unknown): SyncFailure {
  if (typeof error !== 'object' || error === null) return { message: String(error) };
  const e = error as Record<string, unknown>;
  const out: SyncFailure = {};
  if (typeof e.status === 'number') out.status = e.status;
  if (typeof e.name === 'string') out.name = e.name;
  if (typeof e.message === 'string') out.message = e.message;
  if (typeof e.reason === 'string') out.reason = e.reason;
  return out;
}
