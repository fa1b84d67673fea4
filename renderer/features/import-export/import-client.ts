// The import Worker as the wizard uses it: one Worker holding the loaded workbook, its calls one at a time through
// the renderer's Worker client. Cancelling ends the Worker (and any call waiting on it); a call that runs too long
// (a file built to hang the parser) ends that Worker only and reports a plain refusal.
import type { Bilingual } from '../../../shared/domain/message';
import type { CatalogProgram } from '../../../shared/catalog/schema';
import type { ColumnMapping } from '../../../shared/excel/column-map';
import type { Analysis } from '../../../shared/excel/import-pipeline';
import type { ParsedImport } from '../../../shared/excel/import-types';
import { isTimeout, transferred, WorkerClient } from '../../platform/worker-client';
import type { Remote } from '../../platform/worker-client';
import type { ReviewTable } from './review-rows';
import { RESULT_CHUNK } from './worker-protocol';
import type { ImportWorkerApi, ParseHead } from './worker-protocol';

export type LoadOutcome =
  | { ok: true; analysis: Analysis; parsed: ParsedImport; table: ReviewTable | null }
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

/** A parse head and its records, pulled chunk by chunk in the same turn (no other call runs in between). */
async function gather(worker: Remote<ImportWorkerApi>, head: ParseHead): Promise<LoadOutcome> {
  if (!head.ok) return head;
  const parsed: ParsedImport = { ...head.head, projects: [], budgetLines: [], milestones: [] };
  const n = Math.max(head.counts.projects, head.counts.budgetLines, head.counts.milestones);
  for (let from = 0; from < n; from += RESULT_CHUNK) {
    const chunk = await worker.records(from);
    for (const p of chunk.projects) parsed.projects.push(p);
    for (const b of chunk.budgetLines) parsed.budgetLines.push(b);
    for (const m of chunk.milestones) parsed.milestones.push(m);
  }
  return { ok: true, analysis: head.analysis, parsed, table: head.table };
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

  load(bytes: Uint8Array, fileName: string, programs: CatalogProgram[], remembered: [string, Record<string, string>][]): Promise<LoadOutcome> {
    const copy = bytes.slice();
    return refusingTimeout(this.client.call(async (w) => gather(w, await w.load(transferred(copy, [copy.buffer as ArrayBuffer]), fileName, programs, remembered))));
  }

  reparse(sheet: string | undefined, mapping: ColumnMapping | undefined): Promise<LoadOutcome> {
    return refusingTimeout(this.client.call(async (w) => gather(w, await w.reparse(sheet, mapping))));
  }

  /** Writes a cell of the review table and parses again: the row's problems come back at once. */
  editCell(dataRow: number, column: number, text: string, mapping: ColumnMapping | undefined): Promise<LoadOutcome> {
    return refusingTimeout(this.client.call(async (w) => gather(w, await w.editCell(dataRow, column, text, mapping))));
  }

  rows(from: number, to: number): Promise<string[][]> {
    return this.client.call((w) => w.rows(from, to));
  }

  problemRows(lang: 'ja' | 'en'): Promise<Uint8Array | null> {
    return this.client.call((w) => w.problemRows(lang));
  }

  /** Ends the Worker: a load still running is rejected, and the next call starts a fresh Worker. */
  terminate(): void {
    this.client.terminate();
  }
}
