// The import Worker as the wizard uses it: one Worker holding the loaded workbook and its last parse, its calls one at
// a time through the renderer's Worker client. The page gets counts and problems, never the records: the dry run and
// the commit run in the Worker. Cancelling ends the Worker (and any call waiting on it, and a commit's transaction);
// a call that runs too long (a file built to hang the parser) ends that Worker only and reports a plain refusal.
import type { Bilingual } from '../../../shared/domain/message';
import type { CatalogProgram } from '../../../shared/catalog/schema';
import type { ColumnMapping } from '../../../shared/excel/column-map';
import type { Analysis } from '../../../shared/excel/import-pipeline';
import { callback, isTimeout, transferred, WorkerClient } from '../../platform/worker-client';
import { importCommittedElsewhere } from '../../store/import-commit';
import type { ImportSummary } from '../../store/import-commit';
import type { ReviewTable } from './review-rows';
import type { DryRunView, ImportWorkerApi, ParsedHead, ParseHead, RecordCounts } from './worker-protocol';

export type LoadOutcome =
  | { ok: true; analysis: Analysis; parsed: ParsedHead; counts: RecordCounts; table: ReviewTable | null }
  | { ok: false; message: Bilingual };

export const IMPORT_TIMEOUT_MS = 180_000;

/**
 * The one test knob of the import: the browser build's end-to-end tests shorten a call's timeout with
 * `?importTimeoutMs=<ms>` in the page address, so a timer's effects show in seconds. Only a shorter value of at least
 * 1 s is honoured; the desktop app's address never has a query, so it always gets IMPORT_TIMEOUT_MS.
 */
function importTimeoutMs(): number {
  const asked = Number(new URLSearchParams(globalThis.location?.search ?? '').get('importTimeoutMs'));
  return Number.isInteger(asked) && asked >= 1_000 && asked < IMPORT_TIMEOUT_MS ? asked : IMPORT_TIMEOUT_MS;
}

function startImportWorker(): Worker {
  return new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
}

const TIMEOUT_MESSAGE = {
  message: {
    ja: 'ファイルの読み込みに時間がかかりすぎたため中止しました。ファイルが壊れているか、読み込みを止めるように作られている可能性があります。',
    en: 'Reading the file took too long and was stopped. The file may be damaged or built to hang the reader.',
  },
};

/** A parse as the page keeps it: the head and the counts (the records stay in the Worker). */
function outcomeOf(head: ParseHead): LoadOutcome {
  if (!head.ok) return head;
  return { ok: true, analysis: head.analysis, parsed: head.head, counts: head.counts, table: head.table };
}

/** A timeout becomes a refusal the screen shows; other failures stay errors. */
async function refusingTimeout(work: Promise<LoadOutcome>): Promise<LoadOutcome> {
  try {
    return await work;
  } catch (err) {
    if (isTimeout(err)) return { ok: false, ...TIMEOUT_MESSAGE };
    throw err;
  }
}

export class ImportClient {
  private readonly client = new WorkerClient<ImportWorkerApi>(startImportWorker, { timeoutMs: importTimeoutMs() });
  private committing: Promise<ImportSummary> | null = null;

  /**
   * Reads a file in the Worker. Bytes that fill their buffer are moved to the Worker, not copied (a copy of a
   * 50,000-project file was the longest task before the commit, 155 ms): the caller must not use them afterwards.
   */
  load(bytes: Uint8Array, fileName: string, programs: CatalogProgram[], remembered: [string, Record<string, string>][]): Promise<LoadOutcome> {
    const owned = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
    return refusingTimeout(this.client.call(async (w) => outcomeOf(await w.load(transferred(owned, [owned.buffer as ArrayBuffer]), fileName, programs, remembered))));
  }

  reparse(sheet: string | undefined, mapping: ColumnMapping | undefined): Promise<LoadOutcome> {
    return refusingTimeout(this.client.call(async (w) => outcomeOf(await w.reparse(sheet, mapping))));
  }

  /** Writes a cell of the review table and parses again: the row's problems come back at once. */
  editCell(dataRow: number, column: number, text: string, mapping: ColumnMapping | undefined): Promise<LoadOutcome> {
    return refusingTimeout(this.client.call(async (w) => outcomeOf(await w.editCell(dataRow, column, text, mapping))));
  }

  rows(from: number, to: number): Promise<string[][]> {
    return this.client.call((w) => w.rows(from, to));
  }

  problemRows(lang: 'ja' | 'en'): Promise<Uint8Array | null> {
    return this.client.call((w) => w.problemRows(lang));
  }

  /** What committing the last parse would change (null when the Worker holds none, e.g. restarted after a crash). */
  dryRun(): Promise<DryRunView | null> {
    return this.client.call((w) => w.dryRun());
  }

  /**
   * Commits the last parse in the Worker (one transaction). No timeout: a 50,000-project commit takes minutes on a
   * slow machine. Aborting `signal` ends the Worker, so the transaction aborts and nothing is written; the workbook
   * is gone with it (the next file starts a fresh Worker).
   */
  async commit(user: string, fileName: string, job: { signal: AbortSignal; progress: (done: number, total: number) => void }): Promise<ImportSummary> {
    const running = this.client.call((w) => w.commit(user, fileName, callback(job.progress)), { signal: job.signal, timeoutMs: undefined });
    this.committing = running;
    try {
      const summary = await running;
      importCommittedElsewhere();
      return summary;
    } finally {
      if (this.committing === running) this.committing = null;
    }
  }

  /**
   * The screen is closing: ends the Worker, but only once a commit under way has finished (leaving the screen is not
   * a cancel; the commit was confirmed and runs to its end as it did on the page).
   */
  release(): void {
    const committing = this.committing;
    if (!committing) this.terminate();
    else void committing.catch(() => undefined).finally(() => this.terminate());
  }

  /** Ends the Worker: a load still running is rejected, and the next call starts a fresh Worker. */
  terminate(): void {
    this.client.terminate();
  }
}
