// The wizard's review step works on the sheet's own rows: shown as text, a bad cell edited in place (in the import
// Worker's copy of the grid, before the sheet is parsed again), and the rows with problems written out as a sheet
// the office can fix in Excel and import again. Pure functions, so the Worker and the tests share them.
import { cellRawText } from '../../../shared/excel/cell-values';
import type { Analysis, LoadedWorkbook } from '../../../shared/excel/import-pipeline';
import type { ImportProblem } from '../../../shared/excel/import-types';
import type { Cell, SheetGrid, SheetSpec } from '../../../shared/excel/sheetjs';

/** Where the table of the reviewed sheet is: its data rows follow the header band. */
export interface ReviewTable {
  sheetIndex: number;
  sheetName: string;
  /** 0-based index of the first data row (the row after the header band). */
  firstRow: number;
  /** Data rows (to the end of the sheet). */
  rowCount: number;
  /** Columns shown: the header's. */
  width: number;
}

/** The table of an analysed office sheet (its data rows run to the end of the sheet), or null without a header. */
export function reviewTable(workbook: LoadedWorkbook, analysis: Analysis): ReviewTable | null {
  const header = analysis.format === 'office' ? analysis.header : null;
  if (!header) return null;
  const grid = workbook.sheets[header.sheetIndex];
  if (!grid) return null;
  const firstRow = header.headerRow + 1;
  return { sheetIndex: header.sheetIndex, sheetName: grid.name, firstRow, rowCount: Math.max(0, grid.rows.length - firstRow), width: header.headers.length };
}

/** The text of data rows [from, to) of the table, each padded to the table's width. */
export function reviewRowTexts(grid: SheetGrid, table: ReviewTable, from: number, to: number): string[][] {
  const out: string[][] = [];
  const end = Math.min(to, table.rowCount);
  for (let i = Math.max(0, from); i < end; i++) {
    const row = grid.rows[table.firstRow + i] ?? [];
    const texts: string[] = new Array<string>(table.width);
    for (let c = 0; c < table.width; c++) texts[c] = cellRawText(row[c] ?? null);
    out.push(texts);
  }
  return out;
}

/**
 * Writes the user's text into a data cell of the grid (0-based data row and column). Text is kept as text: the row
 * parser reads amounts and dates written as text the same way as typed cells. An empty text empties the cell.
 */
export function applyCellEdit(grid: SheetGrid, table: ReviewTable, dataRow: number, column: number, text: string): void {
  if (dataRow < 0 || dataRow >= table.rowCount || column < 0 || column >= table.width) throw new RangeError(`cell ${dataRow}:${column} is outside the table`);
  const r = table.firstRow + dataRow;
  while (grid.rows.length <= r) grid.rows.push([]);
  const row = grid.rows[r]!;
  while (row.length <= column) row.push(null);
  const value = text.trim();
  row[column] = value === '' ? null : value;
}

/** The problems of each sheet row (1-based, as the problems count rows) of one sheet. */
export function problemsByRow(problems: readonly ImportProblem[], sheetName: string): Map<number, ImportProblem[]> {
  const byRow = new Map<number, ImportProblem[]>();
  for (const p of problems) {
    if (p.sheet !== sheetName) continue;
    const list = byRow.get(p.row);
    if (list) list.push(p);
    else byRow.set(p.row, [p]);
  }
  return byRow;
}

/** One line per problem, for the message column: 「D列: 日付として読めません」. */
export function problemText(problems: readonly ImportProblem[], lang: 'ja' | 'en'): string {
  return problems
    .map((p) => {
      const where = p.column ? (lang === 'ja' ? `${p.column}列: ` : `column ${p.column}: `) : '';
      const kind = p.severity === 'error' ? '' : lang === 'ja' ? '（注意）' : '(warning) ';
      return `${where}${kind}${p.message[lang]}`;
    })
    .join('\n');
}

export const MESSAGE_HEADER = { ja: '取り込みの問題', en: 'Import problems' } as const;

/**
 * The rows with problems as a sheet to fix in Excel: everything above and including the header band as the source
 * has it (title, 単位 note, merged group headers: so the fixed file is read the same way), then each data row with an
 * error (the rows not imported), unchanged, with all its problems in one more column at the right. Rows with only
 * warnings were imported and are left out.
 */
export function problemRowsSheet(grid: SheetGrid, table: ReviewTable, problems: readonly ImportProblem[], lang: 'ja' | 'en'): SheetSpec {
  const byRow = problemsByRow(problems, table.sheetName);
  const messageColumn = table.width;
  const rows: Cell[][] = [];
  for (let r = 0; r < table.firstRow; r++) rows.push([...(grid.rows[r] ?? [])].slice(0, table.width));
  while (rows.length < table.firstRow) rows.push([]);
  const headerRow = rows[table.firstRow - 1];
  if (headerRow) {
    while (headerRow.length < messageColumn) headerRow.push(null);
    headerRow[messageColumn] = MESSAGE_HEADER[lang];
  }
  for (let i = 0; i < table.rowCount; i++) {
    const sheetRow = table.firstRow + i + 1;
    const found = byRow.get(sheetRow);
    if (!found?.some((p) => p.severity === 'error')) continue;
    const row: Cell[] = [...(grid.rows[table.firstRow + i] ?? [])].slice(0, table.width);
    while (row.length < messageColumn) row.push(null);
    row[messageColumn] = problemText(found, lang);
    rows.push(row);
  }
  const merges = grid.merges.filter((m) => m.e.r < table.firstRow && m.e.c < table.width).map((m) => ({ s: { ...m.s }, e: { ...m.e } }));
  return { name: table.sheetName.slice(0, 31) || 'Sheet1', rows, merges, colWidths: [...new Array<number>(table.width).fill(14), 60] };
}

/** Data rows (0-based within the table) that have a problem, in order: what the grid shows when filtered. */
export function rowsWithProblems(table: ReviewTable, byRow: ReadonlyMap<number, readonly ImportProblem[]>): number[] {
  const out: number[] = [];
  for (const sheetRow of byRow.keys()) {
    const i = sheetRow - table.firstRow - 1;
    if (i >= 0 && i < table.rowCount) out.push(i);
  }
  return out.sort((a, b) => a - b);
}
