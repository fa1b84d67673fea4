// Backup, restore and the before-restore snapshot run in a Worker of their own (through the one Worker client), so a
// 50,000-project database is read, serialised, parsed, validated and written without a long task on the main thread.
// The file leaves the Worker as parts (never one string); a cancel ends the Worker, and with it any open transaction.
import type { BackupParse } from '../../shared/backup/backup-format';
import type { DesktopApi, SaveResult } from '../../shared/api/desktop-api';
import { backupFileName } from '../../shared/backup/backup-names';
import type { WorkerClient } from '../platform/worker-client';
import { db } from '../store/db';
import { deleteReplacedDatabases, discardUnfinishedRestore } from '../store/backup';
import { newDatabaseName } from '../store/current-database';
import { callback, checkInKeptWorker, runInWorker, transferred } from '../platform/worker-client';

type Progress = (done: number, total: number) => void;

/** What a validated backup holds, for the confirmation (the rows stay in the Worker). */
export interface BackupSummary {
  createdAt: string;
  projects: number;
  milestones: number;
}

export type BackupCheck = { ok: true; summary: BackupSummary } | { ok: false; problems: Extract<BackupParse, { ok: false }>['problems'] };

export interface BackupWorkerApi {
  /** The backup file as parts, each moved to the caller. */
  write(onProgress: Progress): Promise<Uint8Array[]>;
  /**
   * Checks the whole file (size, JSON, every row) and keeps it for `restore`. A chosen file comes as its Blob and is
   * read here: reading 68 MB into the page first was a task of 290–400 ms there (restore-50k, session 16).
   */
  check(file: Uint8Array | Blob): Promise<BackupCheck>;
  /** Writes the file kept by `check` into the new database `targetName` in one transaction and makes it current. */
  restore(user: string, targetName: string, onProgress: Progress): Promise<void>;
}

function startWorker(): Worker {
  return new Worker(new URL('./backup.worker.ts', import.meta.url), { type: 'module' });
}

interface Job {
  signal: AbortSignal;
  progress: Progress;
}

/** Writes the backup of everything stored and saves it through the host, as parts. */
export async function saveBackupFile(api: DesktopApi, job: Job): Promise<SaveResult> {
  const parts = await runInWorker<BackupWorkerApi, Uint8Array[]>(startWorker, (w) => w.write(callback(job.progress)), { signal: job.signal });
  return api.saveFile({ suggestedName: backupFileName('manual', new Date()), filters: [{ name: 'Grant Portfolio backup', extensions: ['json'] }], bytes: parts });
}

/** The backup file's parts, written in a backup Worker of their own (the automatic backups, see setSnapshotWriter). */
export function writeBackupInWorker(): Promise<Uint8Array[]> {
  return runInWorker<BackupWorkerApi, Uint8Array[]>(startWorker, (w) => w.write(callback(() => undefined)));
}

/** How long the delete of a replaced database waits for a connection that has not closed (see deleteDatabase). */
const REPLACED_DELETE_GRACE_MS = 5_000;

/** A backup file checked in its Worker and held there until it is restored or dropped. */
export class PendingRestore {
  private constructor(
    private readonly client: WorkerClient<BackupWorkerApi>,
    readonly summary: BackupSummary,
  ) {}

  /**
   * Validates the whole file first; on success the Worker keeps it for `restore`. The bytes' buffer is moved to the
   * Worker, not copied (a copy of a 50,000-project file was a long task): the caller must not use them afterwards.
   */
  static async check(file: Uint8Array | Blob, signal?: AbortSignal): Promise<{ ok: true; pending: PendingRestore } | Extract<BackupCheck, { ok: false }>> {
    const sent = file instanceof Uint8Array ? transferred(file, [file.buffer as ArrayBuffer]) : file;
    const checked = await checkInKeptWorker<BackupWorkerApi, BackupCheck>(startWorker, (w) => w.check(sent), { signal });
    return checked.kept ? { ok: true, pending: new PendingRestore(checked.client, checked.result.summary) } : checked.result;
  }

  /**
   * Snapshots the current data (the restore's own undo), then writes the file into a new database in one transaction
   * and makes it current (replaceWithBackup). Cancelling ends the Worker: its transaction aborts, the new database is
   * deleted and the data stays as it was. Once the new database is current, the replaced one is deleted (its
   * connections, this window's and its Workers', close on the delete's versionchange). Once this resolves, the caller
   * reloads the app, which opens the restored one (and its sync session sends what the restore queued).
   */
  async restore(opts: { api: DesktopApi; keep: number; user: string }, job: Job): Promise<void> {
    // The bar: the snapshot is its first half, the restore its second.
    const half = (offset: number) => callback((d: number, t: number) => job.progress(offset + (t ? Math.round((d / t) * 500) : 0), 1000));
    const target = newDatabaseName(db.name);
    try {
      const parts = await this.client.call((w) => w.write(half(0)), { signal: job.signal });
      await opts.api.saveSnapshot({ fileName: backupFileName('before-restore', new Date()), bytes: parts, keep: opts.keep });
      await this.client.call((w) => w.restore(opts.user, target, half(500)), { signal: job.signal });
    } catch (e) {
      // A cancel ended the Worker before it could delete what it had begun; the delete waits for its connection to go
      // (the Worker is ended below).
      void discardUnfinishedRestore(target).catch((err: unknown) => console.error('Unfinished restore not deleted', err));
      throw e;
    } finally {
      // Also ends the Worker's connection to the replaced database before the delete below asks the others to close.
      this.dispose();
    }
    // The restore is done whatever happens here: a delete that fails is retried at the next start, one held up by a
    // connection that does not close goes on once the reload has closed it.
    await deleteReplacedDatabases(target, { blockedGraceMs: REPLACED_DELETE_GRACE_MS }).catch((err: unknown) => console.error('Replaced database not deleted', err));
  }

  dispose(): void {
    this.client.terminate();
  }
}
