// Runs the standard-workbook export in two part Workers at once (Projects and Budgets in one, Milestones in the other)
// and assembles their parts into one xlsx: reading 250,000 records and writing their XML overlap instead of following
// each other. Each table is read in its own transaction, so the parts are only used when all saw the same store
// revision; otherwise (a write landed mid-export) it tries once more, then falls back to the single-transaction export.
import type { CatalogProgram } from '../../../shared/catalog/schema';
import type { WorkbookLanguage } from '../../../shared/excel/standard-workbook';
import { assembleWorkbook, PartRefused } from '../../../shared/excel/xlsx-parts';
import type { PartRequest, PartResponse, PartRole, ProgramName, WrittenPart } from './export-protocol';

const TIMEOUT_MS = 180_000;
const ATTEMPTS = 2;
const ORDER: readonly PartRole[] = ['projects', 'budgets', 'milestones'];

/** Which way the last export was written: in parts, or in one call (the fallback). */
export type ExportPath = 'parts' | 'single';

function startWorker(): Worker {
  return new Worker(new URL('./export.worker.ts', import.meta.url), { type: 'module' });
}

type Answer = Extract<PartResponse, { type: 'parts' }>;

/** One part Worker's answer; rejects on failure, a crash or the timeout (its timer goes into `timers`). */
function answer(worker: Worker, request: PartRequest, transfer: Transferable[], timers: ReturnType<typeof setTimeout>[]): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), TIMEOUT_MS);
    timers.push(timer);
    worker.onmessage = (e: MessageEvent<PartResponse>) => {
      clearTimeout(timer);
      if (e.data.type === 'parts') resolve(e.data);
      else reject(e.data.refused ? new PartRefused(e.data.message) : new Error(e.data.message));
    };
    worker.onerror = (e: ErrorEvent) => {
      clearTimeout(timer);
      reject(new Error(e.message || 'worker error'));
    };
    worker.postMessage(request, transfer);
  });
}

interface Written {
  shell: Uint8Array;
  /** In sheet order: projects, budgets, milestones. */
  parts: WrittenPart[];
}

export class ParallelExport {
  /** The two Workers waiting for the next click (started ahead, or kept from the last export). */
  private idle: Worker[] = [];
  private keepWarm = false;
  private broken = new WeakSet<Worker>();
  lastPath: ExportPath | null = null;

  private start(): Worker[] {
    return [startWorker(), startWorker()].map((w) => {
      // A Worker that failed while waiting (its code did not load) is replaced at the click instead of used.
      w.onerror = () => this.broken.add(w);
      w.postMessage({ type: 'warm' } satisfies PartRequest);
      return w;
    });
  }

  /**
   * Starts the two Workers ahead of the click (their code loads and the database opens meanwhile); they are kept
   * between exports (warm code writes faster) until `dispose`.
   */
  prewarm(): void {
    this.keepWarm = true;
    if (!this.idle.length) this.idle = this.start();
  }

  /** Ends the Workers (the screen closed). */
  dispose(): void {
    this.keepWarm = false;
    for (const w of this.idle) w.terminate();
    this.idle = [];
  }

  /** Hands the Workers back after an export: kept while the screen is open, unless others were started meanwhile. */
  private giveBack(workers: Worker[], healthy: boolean): void {
    if (healthy && this.keepWarm && !this.idle.length) {
      for (const w of workers) {
        w.onmessage = null;
        w.onerror = () => this.broken.add(w);
      }
      this.idle = workers;
      return;
    }
    for (const w of workers) w.terminate();
    if (this.keepWarm && !this.idle.length) this.idle = this.start();
  }

  private async writeParts(lang: WorkbookLanguage, programs: ProgramName[]): Promise<Written> {
    let workers = this.idle;
    this.idle = [];
    if (workers.length !== 2 || workers.some((w) => this.broken.has(w))) {
      for (const w of workers) w.terminate();
      workers = [startWorker(), startWorker()];
    }
    const timers: ReturnType<typeof setTimeout>[] = [];
    let healthy = false;
    try {
      const codes = new MessageChannel();
      const [lead, milestones] = await Promise.all([
        answer(workers[0]!, { type: 'lead', lang, programs, handOn: codes.port1 }, [codes.port1], timers),
        answer(workers[1]!, { type: 'milestones', lang, codePort: codes.port2 }, [codes.port2], timers),
      ]);
      healthy = true;
      if (!lead.shell) throw new PartRefused('the lead part came without the shell');
      const byRole = new Map([...lead.parts, ...milestones.parts].map((p) => [p.role, p]));
      const parts = ORDER.map((role) => byRole.get(role));
      if (parts.some((p) => !p)) throw new PartRefused('a part is missing');
      return { shell: lead.shell, parts: parts as WrittenPart[] };
    } finally {
      for (const t of timers) clearTimeout(t);
      // A Worker that failed or timed out may be stuck or half-way: only Workers that answered are kept.
      this.giveBack(workers, healthy);
    }
  }

  /**
   * The standard workbook of everything stored (trash excluded), as xlsx bytes. `single` is the export in one Worker
   * and one transaction, used when the parts cannot be used (refused, or the store kept changing under them).
   */
  async run(lang: WorkbookLanguage, programs: readonly CatalogProgram[], single: () => Promise<Uint8Array>): Promise<Uint8Array> {
    const names: ProgramName[] = programs.map((p) => ({ id: p.id, nameJa: p.nameJa, nameEn: p.nameEn }));
    try {
      for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
        const { shell, parts } = await this.writeParts(lang, names);
        if (parts.every((p) => p.revision === parts[0]!.revision)) {
          const bytes = assembleWorkbook(shell, parts.map((p) => p.bytes));
          this.lastPath = 'parts';
          return bytes;
        }
      }
    } catch (err) {
      if (!(err instanceof PartRefused)) throw err;
    }
    const bytes = await single();
    this.lastPath = 'single';
    return bytes;
  }
}
