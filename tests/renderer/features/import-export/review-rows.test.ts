// The review step's pure logic on a real office sheet run through the real pipeline: a cell edited in the grid makes
// its row valid on the next parse, and the rows with errors written out as a sheet (title, 単位 note and header kept,
// a message column added) are read back the same way, so fixing them in Excel and importing again gives the records
// the fixed original would have given.
import { describe, expect, it } from 'vitest';
import { BUILTIN_CATALOG } from '../../../../shared/catalog/builtin';
import { analyseWorkbook, loadWorkbook, parseWorkbook, runImportPipeline } from '../../../../shared/excel/import-pipeline';
import type { LoadedWorkbook } from '../../../../shared/excel/import-pipeline';
import { createProgramResolver } from '../../../../shared/excel/program-resolve';
import { readWorkbookGrids, writeWorkbookBytes } from '../../../../shared/excel/sheetjs';
import type { Cell } from '../../../../shared/excel/sheetjs';
import { applyCellEdit, MESSAGE_HEADER, problemRowsSheet, problemsByRow, reviewRowTexts, reviewTable, rowsWithProblems } from '../../../../renderer/features/import-export/review-rows';
import type { ReviewTable } from '../../../../renderer/features/import-export/review-rows';
import { GOOD_ROW, officeSheet } from '../../../hostile/corpus';

const programs = BUILTIN_CATALOG.programs;
const resolver = createProgramResolver(programs);
const BAD_PERIOD: Cell[] = ['H-002', '期間が読めない課題', '佐藤 花子', '薬学研究科', 'BINDS', 'いつか', 5_000, 1_500];
const BAD_DATE: Cell[] = ['H-003', '日付が存在しない課題', '鈴木 一郎', '工学研究科', 'BINDS', 'R7.2.30〜R9.3.31', 2_000, 600];
const GOOD_2: Cell[] = ['H-004', '二件目の正常な課題', '田中 次郎', '理学研究科', 'BINDS', 'R7.4.1〜R8.3.31', 1_000, 300];

function loaded(bytes: Uint8Array): LoadedWorkbook {
  const r = loadWorkbook(bytes);
  if (!r.ok) throw new Error(r.message.en);
  return r.workbook;
}

function parsed(workbook: LoadedWorkbook) {
  const analysis = analyseWorkbook(workbook);
  const table = reviewTable(workbook, analysis);
  if (!table) throw new Error('no table');
  return { analysis, table, result: parseWorkbook(workbook, analysis, resolver) };
}

function pipeline(bytes: Uint8Array) {
  const r = runImportPipeline(bytes, { programs });
  if (!r.ok) throw new Error(r.message.en);
  return r.result;
}

const errorRowsOf = (problems: { row: number; severity: string }[]) => [...new Set(problems.filter((p) => p.severity === 'error').map((p) => p.row))];

describe('review table', () => {
  it('is the rows under the header, shown as written', () => {
    const workbook = loaded(officeSheet([GOOD_ROW, BAD_PERIOD]));
    const { table } = parsed(workbook);
    // Title, unit note, header: data starts on the sheet's 4th row.
    expect(table).toEqual({ sheetIndex: 0, sheetName: '課題一覧', firstRow: 3, rowCount: 2, width: 8 });
    expect(reviewRowTexts(workbook.sheets[0]!, table, 0, 10)).toEqual([GOOD_ROW.map(String), BAD_PERIOD.map(String)]);
    expect(reviewRowTexts(workbook.sheets[0]!, table, 1, 2)).toEqual([BAD_PERIOD.map(String)]);
  });

  it('lists the rows with problems by their place in the table', () => {
    const workbook = loaded(officeSheet([GOOD_ROW, BAD_PERIOD, GOOD_2, BAD_DATE]));
    const { table, result } = parsed(workbook);
    const byRow = problemsByRow(result.problems, table.sheetName);
    expect(errorRowsOf(result.problems)).toEqual([5, 7]);
    expect(byRow.get(5)?.some((p) => p.column === 'F' && p.severity === 'error')).toBe(true);
    expect(rowsWithProblems(table, byRow)).toEqual([1, 3]);
  });
});

describe('a cell edited in place', () => {
  it('makes its row valid on the next parse, with the fixed value imported', () => {
    const workbook = loaded(officeSheet([GOOD_ROW, BAD_PERIOD]));
    const { analysis, table, result } = parsed(workbook);
    expect(result.projects.map((p) => p.code)).toEqual(['H-001']);
    applyCellEdit(workbook.sheets[0]!, table, 1, 5, ' R7.4.1〜R9.3.31 ');
    const again = parseWorkbook(workbook, analysis, resolver);
    expect(errorRowsOf(again.problems)).toEqual([]);
    const fixed = again.projects.find((p) => p.code === 'H-002');
    expect(fixed?.fields.startDate).toBe('2025-04-01');
    expect(fixed?.fields.endDate).toBe('2027-03-31');
    expect(again.budgetLines.find((b) => b.code === 'H-002')).toMatchObject({ directYen: 5_000_000, indirectYen: 1_500_000 });
  });

  it('empties a cell given empty text, and refuses a cell outside the table', () => {
    const workbook = loaded(officeSheet([GOOD_ROW]));
    const { table } = parsed(workbook);
    applyCellEdit(workbook.sheets[0]!, table, 0, 3, '   ');
    expect(workbook.sheets[0]!.rows[3]![3]).toBeNull();
    const wider: ReviewTable = { ...table };
    expect(() => applyCellEdit(workbook.sheets[0]!, wider, 1, 0, 'x')).toThrow(RangeError);
    expect(() => applyCellEdit(workbook.sheets[0]!, wider, 0, 8, 'x')).toThrow(RangeError);
  });
});

describe('rows with errors saved for Excel', () => {
  it('keeps the title, unit note and header, adds a message column, and holds only the rows with errors', () => {
    const workbook = loaded(officeSheet([GOOD_ROW, BAD_PERIOD, GOOD_2, BAD_DATE]));
    const { table, result } = parsed(workbook);
    const sheet = readWorkbookGrids(writeWorkbookBytes([problemRowsSheet(workbook.sheets[0]!, table, result.problems, 'ja')])).sheets[0]!;
    expect(sheet.name).toBe('課題一覧');
    expect(sheet.rows.slice(0, 2)).toEqual(workbook.sheets[0]!.rows.slice(0, 2));
    expect(sheet.rows[2]).toEqual([...workbook.sheets[0]!.rows[2]!, MESSAGE_HEADER.ja]);
    expect(sheet.rows.slice(3).map((r) => r[0])).toEqual(['H-002', 'H-003']);
    expect(sheet.rows[3]!.slice(0, 8)).toEqual(BAD_PERIOD);
    expect(sheet.rows[3]![8]).toMatch(/^F列: .*期間（開始〜終了）として読めません/);
  });

  it('round-trips: fixed in the saved file and imported again, the rows give what the fixed original gives', () => {
    const original = officeSheet([GOOD_ROW, BAD_PERIOD, GOOD_2, BAD_DATE]);
    const workbook = loaded(original);
    const { table, result } = parsed(workbook);
    expect(result.projects.map((p) => p.code)).toEqual(['H-001', 'H-004']);
    const saved = writeWorkbookBytes([problemRowsSheet(workbook.sheets[0]!, table, result.problems, 'en')]);

    // As saved, the rows are read the same way and fail the same way; the message column is not read as a field.
    const asSaved = pipeline(saved);
    expect(asSaved.projects).toEqual([]);
    expect(errorRowsOf(asSaved.problems)).toEqual([4, 5]);

    // The office fixes the two periods in Excel and imports the file again.
    const grid = readWorkbookGrids(saved).sheets[0]!;
    grid.rows[3]![5] = 'R7.4.1〜R9.3.31';
    grid.rows[4]![5] = 'R7.3.1〜R9.3.31';
    const fixed = pipeline(writeWorkbookBytes([{ name: grid.name, rows: grid.rows }]));
    expect(errorRowsOf(fixed.problems)).toEqual([]);

    const expected = pipeline(officeSheet([GOOD_ROW, [...BAD_PERIOD.slice(0, 5), 'R7.4.1〜R9.3.31', ...BAD_PERIOD.slice(6)], GOOD_2, [...BAD_DATE.slice(0, 5), 'R7.3.1〜R9.3.31', ...BAD_DATE.slice(6)]]));
    const strip = <T extends { row: number }>(xs: T[]) => xs.map(({ row: _row, ...rest }) => rest);
    const only = <T extends { code: string }>(xs: T[]) => xs.filter((x) => x.code === 'H-002' || x.code === 'H-003');
    expect(fixed.projects.map((p) => p.code)).toEqual(['H-002', 'H-003']);
    expect(strip(fixed.projects)).toEqual(strip(only(expected.projects)));
    expect(strip(fixed.budgetLines)).toEqual(strip(only(expected.budgetLines)));
  });
});
