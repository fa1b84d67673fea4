// What the import Worker (`import.worker.ts`) answers, called through the renderer's Worker client. The parsed records
// never leave the Worker: the dry run and the commit run there on its last parse, so the page receives only counts,
// problems and summaries (a 50,000-project workbook is a few hundred thousand small objects to clone).
import type { Bilingual } from '../../../shared/domain/message';
import type { CatalogProgram } from '../../../shared/catalog/schema';
import type { ColumnMapping } from '../../../shared/excel/column-map';
import type { Analysis } from '../../../shared/excel/import-pipeline';
import type { ParsedImport } from '../../../shared/excel/import-types';
import type { ImportSummary, ProjectChange } from '../../store/import-commit';
import type { ReviewTable } from './review-rows';

/** The parsed result without its record arrays (those stay in the Worker). */
export type ParsedHead = Omit<ParsedImport, 'projects' | 'budgetLines' | 'milestones'>;

export type Refusal = { ok: false; refused: boolean; message: Bilingual };

/** A parse of the loaded workbook: what the wizard shows before the records arrive. */
export type ParseHead =
  | {
      ok: true;
      analysis: Analysis;
      head: ParsedHead;
      counts: RecordCounts;
      /** The table the review grid shows (office sheets with a header), or null. */
      table: ReviewTable | null;
    }
  | Refusal;

/** How many records of each kind the last parse holds. */
export interface RecordCounts {
  projects: number;
  budgetLines: number;
  milestones: number;
}

/** What the dry run shows: the summary and the first changes (a 50,000-project plan's changes stay in the Worker). */
export interface DryRunView {
  summary: ImportSummary;
  /** The first DRY_RUN_SHOWN added or updated projects, in sheet order. */
  shown: ProjectChange[];
  /** Added or updated projects not in `shown`. */
  more: number;
}

export const DRY_RUN_SHOWN = 200;

export interface ImportWorkerApi {
  /** Guards and reads the bytes, keeps the workbook, analyses and parses it (`fileName`: its extension tells the format). */
  load(bytes: Uint8Array, fileName: string, programs: CatalogProgram[], remembered: [string, Record<string, string>][]): ParseHead;
  /** Parses the kept workbook again for another sheet or mapping (a refusal when no workbook is loaded). */
  reparse(sheet: string | undefined, mapping: ColumnMapping | undefined): ParseHead;
  /** What committing the last parse would change, written nothing (null when no parse is held). */
  dryRun(): Promise<DryRunView | null>;
  /**
   * Commits the last parse in one transaction (renderer/store/import-commit.ts), reporting projects handled so far.
   * Ending the Worker mid-way aborts the transaction: nothing is written.
   */
  commit(user: string, fileName: string, onProgress: (done: number, total: number) => void): Promise<ImportSummary>;
  /** Text of the review table's data rows [from, to). */
  rows(from: number, to: number): string[][];
  /** Writes `text` into a data cell of the review table and parses again with `mapping`. */
  editCell(dataRow: number, column: number, text: string, mapping: ColumnMapping | undefined): ParseHead;
  /** The rows with errors of the last parse (with a message column), as an xlsx to fix in Excel; null when none. */
  problemRows(lang: 'ja' | 'en'): Uint8Array | null;
}
