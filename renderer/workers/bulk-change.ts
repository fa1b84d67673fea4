// The page's side of the bulk-change Worker (bulk-change.worker.ts): moving many projects to the trash, and undoing a
// batch that big, run there as jobs (JobRunner's progress and cancel), one Worker per job through the one Worker
// client. A cancel ends the Worker, which aborts its transaction: nothing is moved or brought back.
import type { UndoResult } from '../store/audit';
import { undoIsBig, undoLast } from '../store/audit';
import { announceSyncRecorded } from '../store/db';
import { callback, runInWorker } from '../platform/worker-client';
import type { Remote } from '../platform/worker-client';

type Progress = (done: number, total: number) => void;

export interface BulkChangeApi {
  /** deleteProjects in the Worker; `at` is the trash time (ISO). Returns how many were moved. */
  trash(ids: string[], at: string, onProgress: Progress): Promise<number>;
  /** undoLast in the Worker. */
  undo(onProgress: Progress): Promise<UndoResult>;
}

interface Job {
  signal: AbortSignal;
  progress: Progress;
}

function startWorker(): Worker {
  return new Worker(new URL('./bulk-change.worker.ts', import.meta.url), { type: 'module' });
}

/** The screens and windows hear of the write through Dexie's cross-context events; the page's live sync is told here. */
async function inWorker<R>(job: Job, work: (w: Remote<BulkChangeApi>) => Promise<R>): Promise<R> {
  const result = await runInWorker<BulkChangeApi, R>(startWorker, work, { signal: job.signal });
  announceSyncRecorded();
  return result;
}

/** Moves `ids` to the trash as one action (one transaction, one undo step), in the Worker. */
export function trashProjects(ids: readonly string[], now: Date, job: Job): Promise<number> {
  return inWorker(job, (w) => w.trash([...ids], now.toISOString(), callback(job.progress)));
}

/** Undoes the last change: a big batch (a bulk trash) in the Worker, anything smaller here at once. */
export async function undoLastChange(job: Job): Promise<UndoResult> {
  if (await undoIsBig()) return inWorker<UndoResult>(job, (w) => w.undo(callback(job.progress)));
  return undoLast({ signal: job.signal, onProgress: job.progress });
}
