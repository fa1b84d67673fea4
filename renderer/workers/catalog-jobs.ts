// A catalog edition is parsed, checked by the catalog gate and stored in a Worker of its own (through the one Worker
// client): an edition of 5,000 programs is megabytes of JSON, and its parse, check and write were long tasks on the
// page. The edition stays in the Worker between the check and the confirmed write; only its summary comes back.
// Exports are read and encoded there too: SheetJS stays out of the Programs screen's code (its first open compiled it).
import type { SheetGrid } from '../../shared/excel/sheetjs';
import { checkInKeptWorker, runInWorker, transferred } from '../platform/worker-client';
import type { WorkerClient } from '../platform/worker-client';

/** What the confirmation shows of a checked edition. */
export interface EditionSummary {
  id: string;
  titleJa: string;
  titleEn: string;
  fiscalYear: number;
  programs: number;
  added: number;
  replaced: number;
}

export type EditionCheck = { ok: true; summary: EditionSummary } | { ok: false; lines: string[] };

export interface CatalogWorkerApi {
  /** Parses (JSON bytes, or a workbook's grids read by the guarded reader) and checks an edition; keeps it for `store`. */
  check(input: { json: Uint8Array } | { sheets: SheetGrid[] }, lang: 'ja' | 'en'): Promise<EditionCheck>;
  /** Stores the edition kept by `check` (importEdition: one transaction, one audit entry). */
  store(): Promise<{ added: number; replaced: number }>;
  /** The office's catalog (built-in programs merged with stored ones, newest edition) as a file's bytes. */
  exportEdition(format: 'json' | 'xlsx'): Promise<ExportedEdition>;
}

export interface ExportedEdition {
  editionId: string;
  bytes: Uint8Array;
}

function startWorker(): Worker {
  return new Worker(new URL('./catalog.worker.ts', import.meta.url), { type: 'module' });
}

/** An edition checked in its Worker and held there until it is stored or dropped. */
export class PendingEdition {
  private constructor(
    private readonly client: WorkerClient<CatalogWorkerApi>,
    readonly summary: EditionSummary,
  ) {}

  /** JSON bytes are moved to the Worker (the caller must not use them again); grids are copied. */
  static async check(input: { json: Uint8Array } | { sheets: SheetGrid[] }, lang: 'ja' | 'en', signal?: AbortSignal): Promise<{ ok: true; pending: PendingEdition } | { ok: false; lines: string[] }> {
    const arg = 'json' in input ? transferred(input, [input.json.buffer as ArrayBuffer]) : input;
    const checked = await checkInKeptWorker<CatalogWorkerApi, EditionCheck>(startWorker, (w) => w.check(arg, lang), { signal });
    return checked.kept ? { ok: true, pending: new PendingEdition(checked.client, checked.result.summary) } : checked.result;
  }

  async store(signal?: AbortSignal): Promise<{ added: number; replaced: number }> {
    try {
      return await this.client.call((w) => w.store(), { signal });
    } finally {
      this.dispose();
    }
  }

  dispose(): void {
    this.client.terminate();
  }
}

/** Reads and encodes the office's catalog in a Worker of its own (ended after), cancellable through `signal`. */
export function exportCatalogEdition(format: 'json' | 'xlsx', signal?: AbortSignal): Promise<ExportedEdition> {
  return runInWorker<CatalogWorkerApi, ExportedEdition>(startWorker, (w) => w.exportEdition(format), { signal });
}
