// What the import Worker does: guarding and parsing untrusted files (a zip bomb or a huge sheet can only hang the
// Worker, which the screen can terminate), keeping the last loaded workbook so changing the sheet, a column mapping or
// a cell in the review grid re-parses without re-reading the file. The file is read by the pipeline's `loadWorkbook`
// (the zip guard first). The dry run and the commit also run here, on the last parse, through the store's import
// commit (the Worker opens the app's database itself): the records never cross to the page, and the structured clone
// of 250,000 rows inside bulkPut happens on this thread. Apart from `import.worker.ts`, so tests can run it.
import { analyseWorkbook, DEFAULT_PIPELINE_LIMITS, loadWorkbook, parseWorkbook } from '../../../shared/excel/import-pipeline';
import type { Analysis, LoadedWorkbook } from '../../../shared/excel/import-pipeline';
import type { ParsedImport } from '../../../shared/excel/import-types';
import { createProgramResolver } from '../../../shared/excel/program-resolve';
import type { ProgramResolver } from '../../../shared/excel/program-resolve';
import { writeWorkbookBytes } from '../../../shared/excel/sheetjs';
import type { ColumnMapping } from '../../../shared/excel/column-map';
import { transferred } from '../../platform/worker-client';
import { commitImport, dryRunImport } from '../../store/import-commit';
import { applyCellEdit, problemRowsSheet, reviewRowTexts, reviewTable } from './review-rows';
import type { ReviewTable } from './review-rows';
import { DRY_RUN_SHOWN } from './worker-protocol';
import type { ImportWorkerApi, ParseHead, Refusal } from './worker-protocol';

/** Progress goes to the page at most this often (ms): a 50,000-project commit has 500 chunks. */
const PROGRESS_EVERY_MS = 100;

/** Calls `report` at most every PROGRESS_EVERY_MS, and always for the last step. */
function throttled(report: (done: number, total: number) => void, now: () => number = () => performance.now()): (done: number, total: number) => void {
  let last = -Infinity;
  return (done, total) => {
    const t = now();
    if (done < total && t - last < PROGRESS_EVERY_MS) return;
    last = t;
    void report(done, total);
  };
}

/** The answer to a re-parse or an edit when this Worker holds no workbook (it was started again after a crash). */
const NOT_LOADED: Refusal = {
  ok: false,
  refused: false,
  message: {
    ja: '読み込んだファイルが読み込み処理に残っていません（処理が再起動されました）。もう一度ファイルを選んでください。',
    en: 'The file is no longer held by the reader (it was restarted). Choose the file again.',
  },
};

/** The import Worker's API, with the state it keeps between calls (the loaded workbook and its last parse). */
export function createImportWorkerApi(): ImportWorkerApi {
  let workbook: LoadedWorkbook | null = null;
  let analysis: Analysis | null = null;
  let resolver: ProgramResolver | null = null;
  let remembered = new Map<string, Record<string, string>>();
  let table: ReviewTable | null = null;
  let last: ParsedImport | null = null;

  function parse(mapping?: ColumnMapping): ParseHead {
    if (!workbook || !analysis || !resolver) return NOT_LOADED;
    last = parseWorkbook(workbook, analysis, resolver, mapping);
    const { projects, budgetLines, milestones, ...head } = last;
    return { ok: true, analysis, head, counts: { projects: projects.length, budgetLines: budgetLines.length, milestones: milestones.length }, table };
  }

  return {
    // The file name tells the decoder what the bytes claim to be (.csv, .xls, .ods; a text file named .xlsx is refused).
    load(bytes, fileName, programs, rememberedMappings) {
      workbook = null;
      analysis = null;
      table = null;
      last = null;
      const loaded = loadWorkbook(bytes, DEFAULT_PIPELINE_LIMITS, fileName);
      if (!loaded.ok) return { ok: false, refused: loaded.refused, message: loaded.message };
      workbook = loaded.workbook;
      resolver = createProgramResolver(programs);
      remembered = new Map(rememberedMappings);
      analysis = analyseWorkbook(workbook, { remembered: (sig) => remembered.get(sig) });
      table = reviewTable(workbook, analysis);
      return parse();
    },
    reparse(sheet, mapping) {
      if (!workbook) return NOT_LOADED;
      if (sheet !== undefined) {
        analysis = analyseWorkbook(workbook, { sheet, remembered: (sig) => remembered.get(sig) });
        table = reviewTable(workbook, analysis);
      }
      return parse(mapping);
    },
    async dryRun() {
      if (!last) return null;
      const plan = await dryRunImport(last);
      const changed = plan.changes.filter((c) => c.action !== 'unchanged');
      return { summary: plan.summary, shown: changed.slice(0, DRY_RUN_SHOWN), more: Math.max(0, changed.length - DRY_RUN_SHOWN) };
    },
    async commit(user, fileName, onProgress) {
      if (!last) throw new Error(`${NOT_LOADED.message.en} / ${NOT_LOADED.message.ja}`);
      return commitImport(last, { user, fileName, onProgress: throttled(onProgress) });
    },
    rows(from, to) {
      if (!workbook || !table) return [];
      return reviewRowTexts(workbook.sheets[table.sheetIndex]!, table, from, to);
    },
    editCell(dataRow, column, text, mapping) {
      if (!workbook || !table) return NOT_LOADED;
      applyCellEdit(workbook.sheets[table.sheetIndex]!, table, dataRow, column, text);
      return parse(mapping);
    },
    problemRows(lang) {
      if (!workbook || !table || !last) return null;
      const spec = problemRowsSheet(workbook.sheets[table.sheetIndex]!, table, last.problems, lang);
      if (spec.rows.length <= table.firstRow) return null;
      const bytes = writeWorkbookBytes([spec]);
      return transferred(bytes, [bytes.buffer as ArrayBuffer]);
    },
  };
}
