// Promise wrapper around the import/export Worker. One request at a time; a request that runs too long (a file
// built to hang the parser) terminates the Worker and reports a plain refusal.
import type { CatalogProgram } from '../../../shared/catalog/schema';
import type { ColumnMapping } from '../../../shared/excel/column-map';
import type { Analysis } from '../../../shared/excel/import-pipeline';
import type { ParsedImport } from '../../../shared/excel/import-types';
import type { WorkbookLanguage } from '../../../shared/excel/standard-workbook';
import { ParallelExport } from './export-client';
import type { ExportPath } from './export-client';
import type { ParsedHead, WorkerRequest, WorkerResponse } from './worker-protocol';

export type LoadOutcome =
  | { ok: true; analysis: Analysis; parsed: ParsedImport }
  | { ok: false; message: string; messageJa: string };

const TIMEOUT_MS = 180_000;

export class WorkbookClient {
  private worker: Worker | null = null;
  private nextId = 1;
  private parallel = new ParallelExport();

  private ensure(): Worker {
    if (!this.worker) this.worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
    return this.worker;
  }

  /** Sends a request and gathers the responses until the request completes. */
  private request<T>(
    build: (id: number) => WorkerRequest,
    finish: (msg: WorkerResponse, state: { head?: ParsedHead; analysis?: Analysis; parsed?: ParsedImport }) => T | undefined,
    transfer?: Transferable[],
  ): Promise<T> {
    const worker = this.ensure();
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const state: { head?: ParsedHead; analysis?: Analysis; parsed?: ParsedImport } = {};
      const timer = setTimeout(() => {
        cleanup();
        this.terminate();
        reject(new Error('timeout'));
      }, TIMEOUT_MS);
      const onMessage = (e: MessageEvent<WorkerResponse>) => {
        if (e.data.id !== id) return;
        if (e.data.type === 'failed') {
          cleanup();
          reject(new Error(e.data.message));
          return;
        }
        const done = finish(e.data, state);
        if (done !== undefined) {
          cleanup();
          resolve(done);
        }
      };
      const onError = (e: ErrorEvent) => {
        cleanup();
        this.terminate();
        reject(new Error(e.message || 'worker error'));
      };
      const cleanup = () => {
        clearTimeout(timer);
        worker.removeEventListener('message', onMessage);
        worker.removeEventListener('error', onError);
      };
      worker.addEventListener('message', onMessage);
      worker.addEventListener('error', onError);
      worker.postMessage(build(id), transfer ?? []);
    });
  }

  private gather = (msg: WorkerResponse, state: { analysis?: Analysis; parsed?: ParsedImport }): LoadOutcome | undefined => {
    if (msg.type === 'refused') return { ok: false, message: msg.message, messageJa: msg.messageJa };
    if (msg.type === 'analysed') {
      state.analysis = msg.analysis;
      state.parsed = { ...msg.head, projects: [], budgetLines: [], milestones: [] };
    } else if (msg.type === 'chunk' && state.parsed) {
      for (const p of msg.projects) state.parsed.projects.push(p);
      for (const b of msg.budgetLines) state.parsed.budgetLines.push(b);
      for (const m of msg.milestones) state.parsed.milestones.push(m);
    } else if (msg.type === 'done' && state.analysis && state.parsed) {
      return { ok: true, analysis: state.analysis, parsed: state.parsed };
    }
    return undefined;
  };

  load(bytes: Uint8Array, programs: CatalogProgram[], remembered: [string, Record<string, string>][]): Promise<LoadOutcome> {
    const copy = bytes.slice();
    return this.request((id) => ({ type: 'load', id, bytes: copy, programs, remembered }), this.gather, [copy.buffer as ArrayBuffer]);
  }

  reparse(sheet: string | undefined, mapping: ColumnMapping | undefined): Promise<LoadOutcome> {
    return this.request((id) => ({ type: 'reparse', id, sheet, mapping }), this.gather);
  }

  /**
   * The standard workbook of everything stored: each sheet read and written in its own Worker at the same time, or
   * (when those parts cannot be used) read in one transaction and written in this client's Worker.
   */
  exportStandard(lang: WorkbookLanguage, programs: CatalogProgram[]): Promise<Uint8Array> {
    return this.parallel.run(lang, programs, () => this.exportSingle(lang, programs));
  }

  /** The standard workbook read (one transaction) and written in this client's Worker. */
  exportSingle(lang: WorkbookLanguage, programs: CatalogProgram[]): Promise<Uint8Array> {
    return this.request((id) => ({ type: 'export-standard', id, lang, programs }), (msg) => (msg.type === 'bytes' ? msg.bytes : undefined));
  }

  /** Starts the export's Workers ahead of the click (and again after each export), until `disposeExport`. */
  prewarmExport(): void {
    this.parallel.prewarm();
  }

  disposeExport(): void {
    this.parallel.dispose();
  }

  /** How the last standard export was written (the parts, or the single-transaction fallback). */
  lastExportPath(): ExportPath | null {
    return this.parallel.lastPath;
  }

  template(lang: WorkbookLanguage): Promise<Uint8Array> {
    return this.request((id) => ({ type: 'template', id, lang }), (msg) => (msg.type === 'bytes' ? msg.bytes : undefined));
  }

  terminate(): void {
    this.worker?.terminate();
    this.worker = null;
  }
}
