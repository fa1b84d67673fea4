// Messages between the Import/Export screen and its Worker. Results travel in chunks so no single message takes the
// main thread long to receive (a 50,000-project workbook is a few hundred thousand small objects).
import type { CatalogProgram } from '../../../shared/catalog/schema';
import type { ColumnMapping } from '../../../shared/excel/column-map';
import type { Analysis, PipelineLimits } from '../../../shared/excel/import-pipeline';
import type { ImportedBudgetLine, ImportedMilestone, ImportedProject, ParsedImport } from '../../../shared/excel/import-types';
import type { SheetGridsRead } from '../../../shared/excel/sheetjs';
import type { WorkbookLanguage } from '../../../shared/excel/standard-workbook';

export type WorkerRequest =
  /** `fileName` (optional) helps decoding: a .csv is read as text, a text file named .xlsx is refused. */
  | { type: 'load'; id: number; bytes: Uint8Array; programs: CatalogProgram[]; remembered: [string, Record<string, string>][]; fileName?: string | undefined }
  | { type: 'reparse'; id: number; sheet?: string | undefined; mapping?: ColumnMapping | undefined }
  /** The standard workbook of everything stored: the Worker reads the database itself (no rows cross threads). */
  | { type: 'export-standard'; id: number; lang: WorkbookLanguage; programs: CatalogProgram[] }
  | { type: 'template'; id: number; lang: WorkbookLanguage };

/** The parsed result without its record arrays (those follow in chunks). */
export type ParsedHead = Omit<ParsedImport, 'projects' | 'budgetLines' | 'milestones'>;

export type WorkerResponse =
  | { type: 'refused'; id: number; message: string; messageJa: string }
  | { type: 'analysed'; id: number; analysis: Analysis; head: ParsedHead; counts: { projects: number; budgetLines: number; milestones: number } }
  | { type: 'chunk'; id: number; projects: ImportedProject[]; budgetLines: ImportedBudgetLine[]; milestones: ImportedMilestone[] }
  | { type: 'done'; id: number }
  | { type: 'bytes'; id: number; bytes: Uint8Array }
  | { type: 'failed'; id: number; message: string };

export const RESULT_CHUNK = 2_000;

/** The import Worker → its second reader (`sheet-read.worker.ts`): read these sheets of these guarded bytes. */
export interface SheetReadRequest {
  bytes: Uint8Array;
  indexes: number[];
  limits: PipelineLimits;
}

export type SheetReadResponse = { type: 'ready' } | { type: 'started' } | { type: 'read'; read: SheetGridsRead } | { type: 'failed'; message: string };
