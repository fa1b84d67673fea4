// A part Worker of the parallel standard-workbook export: reads its own tables (each with the store's revision) and
// writes their sheets as workbook parts, so the sheets are written on two threads at once instead of one after another.
// The lead Worker writes Projects, the shell and Budgets, and sends the codes the Milestones Worker needs. The same
// Worker, started on its own, writes the whole workbook in one transaction (the fallback) and the templates.
import type { BudgetLine } from '../../../shared/domain/types';
import type { Cell } from '../../../shared/excel/sheetjs';
import { writeSheetPart, writeWorkbookBytes, writeWorkbookShell } from '../../../shared/excel/sheetjs';
import { budgetSheetRows, exportedProjectCodes, milestoneSheetRows, projectSheetRows, standardSheetLayouts, templateSheets } from '../../../shared/excel/standard-workbook';
import { planningSheetLayouts, planningSheets, standardWorkbookWithPlanningSheets } from '../../../shared/excel/planning-workbook';
import type { WorkbookLanguage } from '../../../shared/excel/standard-workbook';
import type { CatalogProgram } from '../../../shared/catalog/schema';
import { formatSeed, PartRefused } from '../../../shared/excel/xlsx-parts';
import { db } from '../../store/db';
import { readAllAtOnce, readPlanningForExport, readTableWithRevision } from '../../store/import-export-data';
import type { TableSnapshot } from '../../store/import-export-data';
import { KeptSnapshot } from '../../store/kept-snapshot';
import { serveWorkerApi, transferred } from '../../platform/worker-client';
import type { CodesMessage, ExportTable, ExportWorkerApi, PartRequest, PartResponse, PartRole, WrittenPart } from './export-protocol';

let warmedUp = false;

/**
 * The rows this Worker read ahead (`prepare`, while the screen is open) or for the last export, reused while the
 * store's revision has not moved: a click then only writes. A write to any of the three tables makes the next
 * export read again.
 */
const kept = {
  projects: new KeptSnapshot(() => readTableWithRevision('projects')),
  budgetLines: new KeptSnapshot(() => readTableWithRevision('budgetLines')),
  milestones: new KeptSnapshot(() => readTableWithRevision('milestones')),
};

/**
 * Writes a small throwaway sheet with every kind of cell once, so the writer's code is compiled and optimised before
 * the real sheet comes: in a fresh Worker the first big write runs about 1.6 times slower than the next one. 500 rows
 * are enough (3,000 cost more than they saved at 50,000 projects). It runs while the Worker waits on its read; not at
 * screen open, where it would compete with an import the user starts there.
 */
function warmUp(): void {
  if (warmedUp) return;
  warmedUp = true;
  const rows: Cell[][] = [];
  for (let r = 0; r < 500; r++) rows.push([`W-${r}`, `見本 ${r} & <x>`, r * 1_000, r % 2 ? { kind: 'date', iso: '2025-04-01' } : null, 2025, '', true]);
  writeSheetPart({ name: 'warm', rows, numFmts: { 2: '#,##0' } }, formatSeed([{ numFmts: { 2: '#,##0' } }]));
}

/** Lets the requests already issued reach the database, then warms the writer up while they run. */
async function warmUpMeanwhile(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  warmUp();
}

function codesFrom(port: MessagePort): Promise<Map<string, string>> {
  return new Promise((resolve) => {
    port.onmessage = (e: MessageEvent<CodesMessage>) => {
      port.close();
      resolve(e.data.codeById);
    };
  });
}

/** Every sheet's layout in workbook order (the three project sheets, then the planning sheets) and the format seed. */
function seedFor(lang: 'en' | 'ja') {
  const layouts = standardSheetLayouts(lang);
  const order = [layouts.projects, layouts.budgets, layouts.milestones, ...planningSheetLayouts(lang)];
  return { layouts, order, seed: formatSeed(order) };
}

/**
 * Projects first (everything waits on its codes), then Budgets. The budgets read is asked for as soon as the projects
 * read is done, so the database serves it while this thread writes the Projects sheet and the other reads milestones:
 * the database serves one read at a time, and reads issued together with the projects read only delay it.
 */
async function lead(msg: Extract<PartRequest, { type: 'lead' }>): Promise<PartResponse> {
  const { layouts, order, seed } = seedFor(msg.lang);
  const reading = kept.projects.current();
  await warmUpMeanwhile();
  const { rows: projects, revision } = await reading;
  const codeById = exportedProjectCodes(projects);
  msg.handOn.postMessage({ codeById } satisfies CodesMessage);
  msg.handOn.close();
  const budgetsRead: Promise<TableSnapshot<BudgetLine>> = kept.budgetLines.current();
  // Keeps an early failure of the budgets read from being reported as unhandled while the Projects sheet is written.
  budgetsRead.catch(() => undefined);
  // Dexie issues the request from a microtask: let it go out before this thread is busy writing for a second (the
  // database then serves it while the milestones read waits its turn: measured faster than milestones first).
  await new Promise((resolve) => setTimeout(resolve, 0));
  const projectBytes = writeSheetPart({ ...layouts.projects, rows: projectSheetRows(projects, msg.programs, msg.lang).rows }, seed);
  const shell = writeWorkbookShell(order, seed);
  const budgets = await budgetsRead;
  const budgetBytes = writeSheetPart({ ...layouts.budgets, rows: budgetSheetRows(budgets.rows, codeById, msg.lang) }, seed);
  const parts: WrittenPart[] = [
    { role: 'projects', bytes: projectBytes, revision },
    { role: 'budgets', bytes: budgetBytes, revision: budgets.revision },
  ];
  return transferred<PartResponse>({ type: 'parts', parts, shell }, [projectBytes.buffer as ArrayBuffer, budgetBytes.buffer as ArrayBuffer, shell.buffer as ArrayBuffer]);
}

const PLANNING_ROLES: readonly PartRole[] = ['applications', 'requests', 'researchers', 'members'];

/**
 * Milestones: read when the codes come, i.e. once the projects read is done and has had the database to itself. Then
 * the planning sheets (a few hundred rows at most), read in one transaction of their own.
 */
async function milestones(msg: Extract<PartRequest, { type: 'milestones' }>): Promise<PartResponse> {
  const { layouts, seed } = seedFor(msg.lang);
  const codes = codesFrom(msg.codePort);
  await warmUpMeanwhile();
  const codeById = await codes;
  const { rows, revision } = await kept.milestones.current();
  const bytes = writeSheetPart({ ...layouts.milestones, rows: milestoneSheetRows(rows, codeById, msg.lang) }, seed);
  const planning = await readPlanningForExport();
  const specs = planningSheets({ ...planning, programs: msg.programs, projectCodeById: codeById, lang: msg.lang });
  const parts: WrittenPart[] = [{ role: 'milestones', bytes, revision }];
  specs.forEach((spec, i) => parts.push({ role: PLANNING_ROLES[i]!, bytes: writeSheetPart(spec, seed), revision: planning.revision }));
  return transferred<PartResponse>({ type: 'parts', parts }, parts.map((p) => p.bytes.buffer as ArrayBuffer));
}

/** A refused part is an answer (the caller then writes the workbook in one call); any other failure is thrown. */
function refusal(err: unknown): PartResponse {
  if (err instanceof PartRefused) return { type: 'failed', message: err.message, refused: true };
  throw err;
}

const api: ExportWorkerApi = {
  warm() {
    // The code is loaded by now; opening the database is the rest of the head start.
    void db.open().catch(() => undefined);
  },
  async prepare(tables: ExportTable[]) {
    for (const t of tables) await kept[t].current();
    warmUp();
  },
  lead: (lang, programs, handOn) => lead({ type: 'lead', lang, programs, handOn }).catch(refusal),
  milestones: (lang, programs, codePort) => milestones({ type: 'milestones', lang, programs, codePort }).catch(refusal),
  async single(lang: WorkbookLanguage, programs: CatalogProgram[]) {
    const [data, planning] = await Promise.all([readAllAtOnce(), readPlanningForExport()]);
    const bytes = writeWorkbookBytes(standardWorkbookWithPlanningSheets({ ...data, ...planning, programs, lang }));
    return transferred(bytes, [bytes.buffer as ArrayBuffer]);
  },
  template(lang: WorkbookLanguage) {
    const bytes = writeWorkbookBytes(templateSheets(lang));
    return transferred(bytes, [bytes.buffer as ArrayBuffer]);
  },
};

serveWorkerApi(api);
