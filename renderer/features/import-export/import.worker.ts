// The Worker that does the heavy and risky Excel work off the main thread: guarding and parsing untrusted files
// (a zip bomb or a huge sheet can only hang this Worker, which the screen can terminate), and writing workbooks.
// It keeps the last loaded workbook so changing the sheet or a column mapping re-parses without re-reading the file.
// Exports read the database here too, so 250,000 rows never cross from the main thread.
import { analyseWorkbook, loadWorkbook, parseWorkbook } from '../../../shared/excel/import-pipeline';
import type { Analysis, LoadedWorkbook } from '../../../shared/excel/import-pipeline';
import { createProgramResolver } from '../../../shared/excel/program-resolve';
import type { ProgramResolver } from '../../../shared/excel/program-resolve';
import { writeWorkbookBytes } from '../../../shared/excel/sheetjs';
import { standardWorkbookSheets, templateSheets } from '../../../shared/excel/standard-workbook';
import { readAllAtOnce } from '../../store/import-export-data';
import type { ColumnMapping } from '../../../shared/excel/column-map';
import { RESULT_CHUNK } from './worker-protocol';
import type { WorkerRequest, WorkerResponse } from './worker-protocol';

interface WorkerScope {
  onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerResponse, transfer?: Transferable[]): void;
}
const scope = globalThis as unknown as WorkerScope;

let workbook: LoadedWorkbook | null = null;
let analysis: Analysis | null = null;
let resolver: ProgramResolver | null = null;
let remembered = new Map<string, Record<string, string>>();

function post(message: WorkerResponse, transfer?: Transferable[]): void {
  scope.postMessage(message, transfer);
}

function parseAndSend(id: number, mapping?: ColumnMapping): void {
  if (!workbook || !analysis || !resolver) return;
  const result = parseWorkbook(workbook, analysis, resolver, mapping);
  const { projects, budgetLines, milestones, ...head } = result;
  post({ type: 'analysed', id, analysis, head, counts: { projects: projects.length, budgetLines: budgetLines.length, milestones: milestones.length } });
  const n = Math.max(projects.length, Math.ceil(budgetLines.length / 2), Math.ceil(milestones.length / 2));
  for (let i = 0; i < n; i += RESULT_CHUNK) {
    post({
      type: 'chunk', id,
      projects: projects.slice(i, i + RESULT_CHUNK),
      budgetLines: budgetLines.slice(i * 2, (i + RESULT_CHUNK) * 2),
      milestones: milestones.slice(i * 2, (i + RESULT_CHUNK) * 2),
    });
  }
  post({ type: 'done', id });
}

function handle(msg: WorkerRequest): void {
  switch (msg.type) {
    case 'load': {
      workbook = null;
      analysis = null;
      const loaded = loadWorkbook(msg.bytes);
      if (!loaded.ok) {
        post({ type: 'refused', id: msg.id, message: loaded.message, messageJa: loaded.messageJa });
        return;
      }
      workbook = loaded.workbook;
      resolver = createProgramResolver(msg.programs);
      remembered = new Map(msg.remembered);
      analysis = analyseWorkbook(workbook, { remembered: (sig) => remembered.get(sig) });
      parseAndSend(msg.id);
      return;
    }
    case 'reparse': {
      if (!workbook) return;
      if (msg.sheet !== undefined) analysis = analyseWorkbook(workbook, { sheet: msg.sheet, remembered: (sig) => remembered.get(sig) });
      parseAndSend(msg.id, msg.mapping);
      return;
    }
    case 'export-standard': {
      const { id, lang, programs } = msg;
      void readAllAtOnce().then(
        (data) => {
          const bytes = writeWorkbookBytes(standardWorkbookSheets({ ...data, programs, lang }));
          post({ type: 'bytes', id, bytes }, [bytes.buffer as ArrayBuffer]);
        },
        (err: unknown) => post({ type: 'failed', id, message: err instanceof Error ? err.message : String(err) }),
      );
      return;
    }
    case 'template': {
      const bytes = writeWorkbookBytes(templateSheets(msg.lang));
      post({ type: 'bytes', id: msg.id, bytes }, [bytes.buffer as ArrayBuffer]);
      return;
    }
  }
}

scope.onmessage = (e) => {
  try {
    handle(e.data);
  } catch (err) {
    post({ type: 'failed', id: e.data.id, message: err instanceof Error ? err.message : String(err) });
  }
};
