// Runs the standard-workbook export in two part Workers at once (Projects and Budgets in one, Milestones and the small
// planning sheets in the other) and assembles their parts into one xlsx: reading 250,000 records and writing their XML
// overlap instead of following each other, and the Workers read their tables ahead while the screen is open (`prepare`).
// Each table is read on its own (a page per transaction), so the parts are only used when all saw the same store
// revision (a table read across a write has none: readUnchanged); otherwise (a write landed mid-export) it tries once
// more, then falls back to the single-transaction export.
import type { FileBytes } from '../../../shared/api/desktop-api';
import type { CatalogProgram } from '../../../shared/catalog/schema';
import type { WorkbookLanguage } from '../../../shared/excel/standard-workbook';
import { assembleWorkbook, PartRefused } from '../../../shared/excel/xlsx-parts';
import { runInWorker, transferred, WorkerClient, WorkerEndedError } from '../../platform/worker-client';
import { nextTask } from '../../store/next-task';
import type { Remote } from '../../platform/worker-client';
import { PART_ORDER } from './export-protocol';
import type { ExportWorkerApi, PartResponse, ProgramName, WrittenPart } from './export-protocol';

const TIMEOUT_MS = 180_000;
const ATTEMPTS = 2;

/** Which way the last export was written: in parts, or in one call (the fallback). */
export type ExportPath = 'parts' | 'single';

function startWorker(): Worker {
  return new Worker(new URL('./export.worker.ts', import.meta.url), { type: 'module' });
}

/** A job on an export Worker of its own (the single-transaction export, a template), ended afterwards. */
export function runExportJob<R>(job: (worker: Remote<ExportWorkerApi>) => Promise<R>, signal?: AbortSignal): Promise<R> {
  return runInWorker<ExportWorkerApi, R>(startWorker, job, { timeoutMs: TIMEOUT_MS, signal });
}

/** The standard workbook read in one transaction and written in a Worker of its own. */
export function exportSingle(lang: WorkbookLanguage, programs: readonly CatalogProgram[], signal?: AbortSignal): Promise<Uint8Array> {
  return runExportJob((w) => w.single(lang, [...programs]), signal);
}

/** A standard export run as a job of the shared runner: cancelling ends its Workers; steps are the parts written. */
export interface ExportJob {
  signal?: AbortSignal | undefined;
  progress?: ((done: number, total: number) => void) | undefined;
}

/** Progress steps of a parallel export: the two part Workers' answers, then the assembly. */
const EXPORT_STEPS = 3;

/** An empty template workbook, written in a Worker of its own. */
export function writeTemplate(lang: WorkbookLanguage): Promise<Uint8Array> {
  return runExportJob((w) => w.template(lang));
}

type Answer = Extract<PartResponse, { type: 'parts' }>;

/** A part's answer, or the refusal (the caller falls back) or failure it reported, as an error. */
function partsOf(response: PartResponse): Answer {
  if (response.type === 'parts') return response;
  throw response.refused ? new PartRefused(response.message) : new Error(response.message);
}

interface Written {
  shell: Uint8Array;
  /** In sheet order (PART_ORDER): projects, budgets, milestones, then the planning sheets. */
  parts: WrittenPart[];
}

type Pair = [WorkerClient<ExportWorkerApi>, WorkerClient<ExportWorkerApi>];

export class ParallelExport {
  /** The two Workers waiting for the next click (started ahead, or kept from the last export). */
  private idle: Pair | null = null;
  private keepWarm = false;
  lastPath: ExportPath | null = null;

  private start(): Pair {
    const pair: Pair = [new WorkerClient<ExportWorkerApi>(startWorker, { timeoutMs: TIMEOUT_MS }), new WorkerClient<ExportWorkerApi>(startWorker, { timeoutMs: TIMEOUT_MS })];
    // A Worker that fails while waiting (its code did not load) has ended; the client starts a new one at the click.
    for (const c of pair) c.call((w) => w.warm()).catch(() => undefined);
    return pair;
  }

  /**
   * Starts the two Workers ahead of the click (their code loads and the database opens meanwhile); they are kept
   * between exports (warm code writes faster) until `dispose`.
   */
  prewarm(): void {
    this.keepWarm = true;
    this.idle ??= this.start();
  }

  /**
   * Has the waiting Workers read their tables ahead of the click (and warm their writer up), so an export of data
   * that did not change since only writes. Resolves when they are done (or failed: the export then reads itself).
   */
  async prepare(): Promise<void> {
    const pair = this.idle;
    if (!pair) return;
    await Promise.all([pair[0].call((w) => w.prepare(['projects', 'budgetLines'])), pair[1].call((w) => w.prepare(['milestones']))]).catch(() => undefined);
  }

  /** Ends the Workers (the screen closed). */
  dispose(): void {
    this.keepWarm = false;
    for (const c of this.idle ?? []) c.terminate();
    this.idle = null;
  }

  /** Hands the Workers back after an export: kept while the screen is open, unless others were started meanwhile. */
  private giveBack(pair: Pair, healthy: boolean): void {
    if (healthy && this.keepWarm && !this.idle) {
      this.idle = pair;
      return;
    }
    for (const c of pair) c.terminate();
    if (this.keepWarm && !this.idle) this.idle = this.start();
  }

  private async writeParts(lang: WorkbookLanguage, programs: ProgramName[], job: ExportJob): Promise<Written> {
    const pair = this.idle ?? [new WorkerClient<ExportWorkerApi>(startWorker, { timeoutMs: TIMEOUT_MS }), new WorkerClient<ExportWorkerApi>(startWorker, { timeoutMs: TIMEOUT_MS })];
    this.idle = null;
    let healthy = false;
    try {
      const codes = new MessageChannel();
      let answered = 0;
      const step = <T>(v: T) => {
        job.progress?.(++answered, EXPORT_STEPS);
        return v;
      };
      const [lead, milestones] = await Promise.all([
        pair[0].call<PartResponse>((w) => w.lead(lang, programs, transferred(codes.port1, [codes.port1])), { signal: job.signal }).then(partsOf).then(step),
        pair[1].call<PartResponse>((w) => w.milestones(lang, programs, transferred(codes.port2, [codes.port2])), { signal: job.signal }).then(partsOf).then(step),
      ]);
      healthy = true;
      if (!lead.shell) throw new PartRefused('the lead part came without the shell');
      const byRole = new Map([...lead.parts, ...milestones.parts].map((p) => [p.role, p]));
      const parts = PART_ORDER.map((role) => byRole.get(role));
      if (parts.some((p) => !p)) throw new PartRefused('a part is missing');
      return { shell: lead.shell, parts: parts as WrittenPart[] };
    } finally {
      // A Worker that failed or timed out may be stuck or half-way: only Workers that answered are kept.
      this.giveBack(pair, healthy);
    }
  }

  /**
   * The standard workbook of everything stored (trash excluded), as xlsx bytes: in pieces when written in parts
   * (assembleWorkbook). `single` is the export in one Worker and one transaction, used when the parts cannot be used
   * (refused, or the store kept changing under them).
   */
  async run(lang: WorkbookLanguage, programs: readonly CatalogProgram[], single: () => Promise<Uint8Array>, job: ExportJob = {}): Promise<FileBytes> {
    const names: ProgramName[] = programs.map((p) => ({ id: p.id, nameJa: p.nameJa, nameEn: p.nameEn }));
    job.progress?.(0, EXPORT_STEPS);
    try {
      for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
        const { shell, parts } = await this.writeParts(lang, names, job);
        if (parts.every((p) => p.revision === parts[0]!.revision)) {
          // A task of its own: the parts' answers re-rendered the progress bar in this one (together 115–187 ms in a
          // first export at 50,000 projects, session 17). As pieces (the parts' views and new headers): the save
          // joins them off the page (blobOffThread).
          await nextTask();
          const bytes = assembleWorkbook(shell, parts.map((p) => p.bytes));
          job.progress?.(EXPORT_STEPS, EXPORT_STEPS);
          this.lastPath = 'parts';
          return bytes;
        }
      }
    } catch (err) {
      if (!(err instanceof PartRefused)) throw err;
    }
    if (job.signal?.aborted) throw new WorkerEndedError('cancelled');
    const bytes = await single();
    this.lastPath = 'single';
    return bytes;
  }
}
