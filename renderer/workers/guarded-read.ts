// Every Excel read of the renderer outside the import wizard goes through here: the bytes are guarded and read by
// `loadWorkbook` (as the project import's are) in a Worker of its own, ended afterwards, never on the main thread.
import type { Bilingual } from '../../shared/domain/message';
import type { ReadLimits, SheetGrid } from '../../shared/excel/sheetjs';
import { isTimeout, runInWorker, transferred } from '../platform/worker-client';

export type GuardedRead = { ok: true; sheets: SheetGrid[]; truncated: boolean } | { ok: false; refused: boolean; message: Bilingual };

export interface GuardedReadApi {
  read(bytes: Uint8Array, limits?: Partial<ReadLimits>): GuardedRead;
}

/** A file that takes longer than this to read is refused (its Worker is ended). */
export const GUARDED_READ_TIMEOUT_MS = 60_000;

function startWorker(): Worker {
  return new Worker(new URL('./guarded-read.worker.ts', import.meta.url), { type: 'module' });
}

/** Guards and reads workbook bytes into plain grids; a refusal, a crash or a timeout is a failure with its message. */
export async function readWorkbookGuarded(bytes: Uint8Array, limits?: Partial<ReadLimits>, signal?: AbortSignal): Promise<GuardedRead> {
  const copy = bytes.slice();
  try {
    return await runInWorker<GuardedReadApi, GuardedRead>(startWorker, (w) => w.read(transferred(copy, [copy.buffer as ArrayBuffer]), limits), { timeoutMs: GUARDED_READ_TIMEOUT_MS, signal });
  } catch (err) {
    // A cancel is the caller's (its job runner shows it), not a file that could not be read.
    if (signal?.aborted) throw err;
    const why = err instanceof Error ? err.message : String(err);
    return isTimeout(err)
      ? { ok: false, refused: true, message: { ja: 'ファイルの読み込みに時間がかかりすぎたため中止しました。', en: 'Reading the file took too long and was stopped.' } }
      : { ok: false, refused: false, message: { ja: `ファイルを読み込めませんでした（${why}）。`, en: `The file could not be read (${why}).` } };
  }
}
