// Big writes inside ONE Dexie transaction, a chunk at a time (restore, trash and undo of thousands of rows), as the
// import commit does: up to IN_FLIGHT chunks queued in IndexedDB, a task ends by awaiting the oldest chunk still being
// written (a MessageChannel yield would let the transaction commit), and a cancel throws, so the transaction aborts.

import { withinTransaction } from './db';

/** Rows per queued request. */
export const WRITE_CHUNK = 2000;
/** Chunks queued in IndexedDB at once (see import-commit.ts: fewer left the database idle between chunks). */
const IN_FLIGHT = 8;
/** Main-thread time after which the loop ends its task. */
const TASK_BUDGET_MS = 40;

export interface ChunkOptions {
  /** Checked before each chunk; when aborted the loop throws an AbortError and the caller's transaction aborts. */
  signal?: AbortSignal | undefined;
  /** Rows written so far (counted when each chunk's write completes). */
  onWritten?: ((rows: number) => void) | undefined;
  chunkSize?: number | undefined;
}

/** What a long job throws when it sees its signal aborted (JobRunner's isCancelled recognises it by name). */
export function cancelledError(): Error {
  const err = new Error('cancelled / キャンセルしました');
  err.name = 'AbortError';
  return err;
}

/** Stops a job at a chunk boundary when it was cancelled. */
export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw cancelledError();
}

/**
 * Calls `write` for each chunk of `rows` (call inside a read-write transaction). Resolves when every chunk is written;
 * rejects on the first failure or a cancel, and the caller's transaction then aborts: nothing of it stays.
 */
export async function writeInChunks<T>(rows: readonly T[], write: (chunk: T[]) => Promise<unknown>, opts: ChunkOptions = {}): Promise<void> {
  const size = opts.chunkSize ?? WRITE_CHUNK;
  const inFlight: { written: Promise<unknown>; settled: boolean; failed: boolean }[] = [];
  let taskStart = performance.now();
  for (let i = 0; i < rows.length; i += size) {
    throwIfCancelled(opts.signal);
    // Chunks already written are dropped without an await (a failed one throws here, and the transaction aborts).
    while (inFlight[0]?.settled) {
      const done = inFlight.shift()!;
      if (done.failed) await done.written;
    }
    if (inFlight.length >= IN_FLIGHT || (inFlight.length > 0 && performance.now() - taskStart > TASK_BUDGET_MS)) {
      await inFlight.shift()!.written;
      taskStart = performance.now();
    }
    const chunk = rows.slice(i, i + size);
    const entry = {
      // A Dexie promise (withinTransaction): awaiting it below resumes inside the caller's transaction.
      written: withinTransaction(write(chunk)).then(() => opts.onWritten?.(chunk.length)),
      settled: false,
      failed: false,
    };
    // Awaited later; marked handled now so a failure is not reported twice (the transaction aborts anyway).
    entry.written.then(
      () => (entry.settled = true),
      () => {
        entry.settled = true;
        entry.failed = true;
      },
    );
    inFlight.push(entry);
  }
  for (const e of inFlight) await e.written;
  throwIfCancelled(opts.signal);
}
