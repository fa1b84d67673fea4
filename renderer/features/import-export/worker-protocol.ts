// What the import Worker (`import.worker.ts`) answers, called through the renderer's Worker client. Records travel
// in chunks pulled one call at a time, so no single message takes the main thread long to receive (a 50,000-project
// workbook is a few hundred thousand small objects).
import type { Bilingual } from '../../../shared/domain/message';
import type { CatalogProgram } from '../../../shared/catalog/schema';
import type { ColumnMapping } from '../../../shared/excel/column-map';
import type { Analysis } from '../../../shared/excel/import-pipeline';
import type { ImportedBudgetLine, ImportedMilestone, ImportedProject, ParsedImport } from '../../../shared/excel/import-types';
import type { ReviewTable } from './review-rows';

/** The parsed result without its record arrays (those are pulled in chunks with `records`). */
export type ParsedHead = Omit<ParsedImport, 'projects' | 'budgetLines' | 'milestones'>;

export type Refusal = { ok: false; refused: boolean; message: Bilingual };

/** A parse of the loaded workbook: what the wizard shows before the records arrive. */
export type ParseHead =
  | {
      ok: true;
      analysis: Analysis;
      head: ParsedHead;
      counts: { projects: number; budgetLines: number; milestones: number };
      /** The table the review grid shows (office sheets with a header), or null. */
      table: ReviewTable | null;
    }
  | Refusal;

export interface RecordChunk {
  projects: ImportedProject[];
  budgetLines: ImportedBudgetLine[];
  milestones: ImportedMilestone[];
}

export const RESULT_CHUNK = 2_000;

export interface ImportWorkerApi {
  /** Guards and reads the bytes, keeps the workbook, analyses and parses it (`fileName`: its extension tells the format). */
  load(bytes: Uint8Array, fileName: string, programs: CatalogProgram[], remembered: [string, Record<string, string>][]): ParseHead;
  /** Parses the kept workbook again for another sheet or mapping (a refusal when no workbook is loaded). */
  reparse(sheet: string | undefined, mapping: ColumnMapping | undefined): ParseHead;
  /** Records [from, from + RESULT_CHUNK) of each kind, of the last parse. */
  records(from: number): RecordChunk;
  /** Text of the review table's data rows [from, to). */
  rows(from: number, to: number): string[][];
  /** Writes `text` into a data cell of the review table and parses again with `mapping`. */
  editCell(dataRow: number, column: number, text: string, mapping: ColumnMapping | undefined): ParseHead;
  /** The rows with errors of the last parse (with a message column), as an xlsx to fix in Excel; null when none. */
  problemRows(lang: 'ja' | 'en'): Uint8Array | null;
}
