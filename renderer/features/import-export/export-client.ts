// Runs the standard-workbook export in three part Workers at once (projects, budgets, milestones) and assembles their
// parts into one xlsx: reading 250,000 records and writing their XML overlap instead of following each other. Each
// Worker reads its table in its own transaction, so the parts are only used when all three saw the same store revision;
// otherwise (a write landed mid-export) it tries once more, then falls back to the single-transaction export.
import type { CatalogProgram } from '../../../shared/catalog/schema';
import type { WorkbookLanguage } from '../../../shared/excel/standard-workbook';
import { assembleWorkbook, PartRefused } from '../../../shared/excel/xlsx-parts';
import type { PartRequest, PartResponse, PartRole, ProgramName } from './export-protocol';

const ROLES: readonly PartRole[] = ['projects', 'budgets', 'milestones'];
const TIMEOUT_MS = 180_000;
const ATTEMPTS = 2;

interface Parts {
  shell: Uint8Array;
  parts: Uint8Array[];
  revisions: (number | undefined)[];
}

function startWorker(): Worker {
  return new Worker(new URL('./export.worker.ts', import.meta.url), { type: 'module' });
}

/** One part Worker's answer; rejects on failure, a crash or the timeout (its timer goes into `timers`). */
function answer(worker: Worker, request: PartRequest, transfer: Transferable[], timers: ReturnType<typeof setTimeout>[]): Promise<Extract<PartResponse, { type: 'part' }>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), TIMEOUT_MS);
    timers.push(timer);
    worker.onmessage = (e: MessageEvent<PartResponse>) => {
      clearTimeout(timer);
      if (e.data.type === 'part') resolve(e.data);
      else reject(e.data.refused ? new PartRefused(e.data.message) : new Error(e.data.message));
    };
    worker.onerror = (e: ErrorEvent) => {
      clearTimeout(timer);
      reject(new Error(e.message || 'worker error'));
    };
    worker.postMessage(request, transfer);
  });
}

export class ParallelExport {
  private warm: Worker[] = [];
  private keepWarm = false;
  private broken = new WeakSet<Worker>();

  /**
   * Starts the three Workers ahead of the click (their code loads and the database opens meanwhile), and again after
   * each export, until `dispose`.
   */
  prewarm(): void {
    this.keepWarm = true;
    if (this.warm.length) return;
    this.warm = ROLES.map(() => {
      const w = startWorker();
      // A Worker that failed while waiting (its code did not load) is replaced at the click instead of used.
      w.onerror = () => this.broken.add(w);
      w.postMessage({ type: 'warm' } satisfies PartRequest);
      return w;
    });
  }

  /** Ends the Workers started ahead (the screen closed). */
  dispose(): void {
    this.keepWarm = false;
    for (const w of this.warm) w.terminate();
    this.warm = [];
  }

  private async writeParts(lang: WorkbookLanguage, programs: ProgramName[]): Promise<Parts> {
    let workers = this.warm;
    this.warm = [];
    if (!workers.length || workers.some((w) => this.broken.has(w))) {
      for (const w of workers) w.terminate();
      workers = ROLES.map(startWorker);
    }
    const timers: ReturnType<typeof setTimeout>[] = [];
    try {
      const toBudgets = new MessageChannel();
      const toMilestones = new MessageChannel();
      // Milestones first: its sheet takes longer to write than the budgets', so it should read first too.
      const codePorts = [toMilestones.port1, toBudgets.port1];
      const [projects, budgets, milestones] = await Promise.all([
        answer(workers[0]!, { type: 'projects', lang, programs, codePorts }, codePorts, timers),
        answer(workers[1]!, { type: 'budgets', lang, codePort: toBudgets.port2 }, [toBudgets.port2], timers),
        answer(workers[2]!, { type: 'milestones', lang, codePort: toMilestones.port2 }, [toMilestones.port2], timers),
      ]);
      if (!projects.shell) throw new PartRefused('the projects part came without the shell');
      return { shell: projects.shell, parts: [projects.bytes, budgets.bytes, milestones.bytes], revisions: [projects.revision, budgets.revision, milestones.revision] };
    } finally {
      // Each Worker holds a whole table and its sheet: end them now rather than keep the memory (fresh ones are
      // started for the next export if the screen asked for that).
      for (const t of timers) clearTimeout(t);
      for (const w of workers) w.terminate();
      if (this.keepWarm) this.prewarm();
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
        const { shell, parts, revisions } = await this.writeParts(lang, names);
        if (revisions.every((r) => r === revisions[0])) return assembleWorkbook(shell, parts);
      }
    } catch (err) {
      if (!(err instanceof PartRefused)) throw err;
    }
    return single();
  }
}
