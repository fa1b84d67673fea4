// A part Worker of the parallel standard-workbook export: reads ONE table (with the store's revision) and writes that
// table's sheet as a workbook part, so the three sheets are written at the same time on separate threads instead of
// one after another in one Worker. The projects Worker also writes the shell and sends the codes the other two need.
import type { Cell } from '../../../shared/excel/sheetjs';
import { writeSheetPart, writeWorkbookShell } from '../../../shared/excel/sheetjs';
import { budgetSheetRows, exportedProjectCodes, milestoneSheetRows, projectSheetRows, standardSheetLayouts } from '../../../shared/excel/standard-workbook';
import type { WorkbookLanguage } from '../../../shared/excel/standard-workbook';
import { formatSeed, PartRefused } from '../../../shared/excel/xlsx-parts';
import { db } from '../../store/db';
import { readTableWithRevision } from '../../store/import-export-data';
import type { CodesMessage, PartRequest, PartResponse, PartRole } from './export-protocol';

interface WorkerScope {
  onmessage: ((e: MessageEvent<PartRequest>) => void) | null;
  postMessage(message: PartResponse, transfer?: Transferable[]): void;
}
const scope = globalThis as unknown as WorkerScope;

function post(message: PartResponse, transfer?: Transferable[]): void {
  scope.postMessage(message, transfer);
}

let warmedUp = false;

/**
 * Writes a small throwaway sheet with every kind of cell once, so the writer's code is compiled and optimised before
 * the real sheet comes: in a fresh Worker the first big write runs about 1.6 times slower than the next one. It runs
 * while the Worker waits anyway (on its read, or on the codes), so it costs no time; not at screen open, where it would
 * compete with an import the user starts there.
 */
function warmUp(): void {
  if (warmedUp) return;
  warmedUp = true;
  const rows: Cell[][] = [];
  for (let r = 0; r < 3_000; r++) rows.push([`W-${r}`, `見本 ${r} & <x>`, r * 1_000, r % 2 ? { kind: 'date', iso: '2025-04-01' } : null, 2025, '', true]);
  writeSheetPart({ name: 'warm', rows, numFmts: { 2: '#,##0' } }, formatSeed([{ numFmts: { 2: '#,##0' } }]));
}

function codesFrom(port: MessagePort): Promise<ReadonlyMap<string, string>> {
  return new Promise((resolve) => {
    port.onmessage = (e: MessageEvent<CodesMessage>) => {
      port.close();
      resolve(e.data.codeById);
    };
  });
}

/** Rows of one sheet and the revision they were read at; the table's records are left behind for the collector. */
interface SheetRead {
  rows: Cell[][];
  revision: number | undefined;
}

async function readProjects(msg: Extract<PartRequest, { type: 'projects' }>): Promise<SheetRead> {
  const { rows: projects, revision } = await readTableWithRevision('projects');
  const codeById = exportedProjectCodes(projects);
  for (const port of msg.codePorts) {
    port.postMessage({ codeById } satisfies CodesMessage);
    port.close();
  }
  return { rows: projectSheetRows(projects, msg.programs, msg.lang).rows, revision };
}

// The budgets and milestones Workers start reading when the codes arrive, i.e. once the projects read is done: that
// read then has the database to itself (reads issued together only share it), and the other two wait for its codes
// anyway. Measured at 50,000 projects: about 0.2 s faster than issuing the three reads together.
async function readBudgets(lang: WorkbookLanguage, codes: Promise<ReadonlyMap<string, string>>): Promise<SheetRead> {
  const codeById = await codes;
  const { rows, revision } = await readTableWithRevision('budgetLines');
  return { rows: budgetSheetRows(rows, codeById, lang), revision };
}

async function readMilestones(lang: WorkbookLanguage, codes: Promise<ReadonlyMap<string, string>>): Promise<SheetRead> {
  const codeById = await codes;
  const { rows, revision } = await readTableWithRevision('milestones');
  return { rows: milestoneSheetRows(rows, codeById, lang), revision };
}

async function run(msg: Exclude<PartRequest, { type: 'warm' }>): Promise<void> {
  const layouts = standardSheetLayouts(msg.lang);
  const order = [layouts.projects, layouts.budgets, layouts.milestones];
  const seed = formatSeed(order);
  const reading =
    msg.type === 'projects' ? readProjects(msg) : msg.type === 'budgets' ? readBudgets(msg.lang, codesFrom(msg.codePort)) : readMilestones(msg.lang, codesFrom(msg.codePort));
  // One task later, so the read's request is already with the database while the writer warms up.
  await new Promise((resolve) => setTimeout(resolve, 0));
  warmUp();
  const read = await reading;
  const role: PartRole = msg.type;
  const bytes = writeSheetPart({ ...layouts[role], rows: read.rows }, seed);
  if (role === 'projects') {
    const shell = writeWorkbookShell(order, seed);
    post({ type: 'part', role, bytes, shell, revision: read.revision }, [bytes.buffer as ArrayBuffer, shell.buffer as ArrayBuffer]);
  } else {
    post({ type: 'part', role, bytes, revision: read.revision }, [bytes.buffer as ArrayBuffer]);
  }
}

function fail(err: unknown): void {
  post({ type: 'failed', message: err instanceof Error ? err.message : String(err), refused: err instanceof PartRefused });
}

scope.onmessage = (e) => {
  const msg = e.data;
  if (msg.type === 'warm') {
    // The code is loaded by now; opening the database is the rest of the head start.
    void db.open().catch(() => undefined);
    return;
  }
  run(msg).catch(fail);
};
