// The single customs gate for Excel: bytes → {sheet, projects, budgetLines, milestones, problems}. The import Worker,
// the CLI and the tests all call these same steps, so what the wizard previews is what the CLI checks.
// Stages, each its own module: guard the bytes (zip-guard) → decode (decode: xlsx/xls/ods by SheetJS, CSV by us) →
// grid (grid: merges expanded) → table detection (table-detect) → column inference (column-infer) → row parsing
// (row-parse) → validation (row-validate) → import plan (import-plan). The standard workbook is one more recognised
// layout with a thin reading stage of its own (standard-workbook), kept to a constant amount of work per cell.
import type { Bilingual } from '../domain/message';
import type { CatalogProgram } from '../catalog/schema';
import { deserializeMapping, headerSignature } from './column-map';
import type { ColumnMapping } from './column-map';
import { inferColumns, unmappedColumns } from './column-infer';
import type { ColumnInference } from './column-infer';
import { decodeSource } from './decode';
import { expandMerges } from './grid';
import { buildImportPlan } from './import-plan';
import type { ImportProblem, ParsedImport, SkippedRow } from './import-types';
import { createProgramResolver } from './program-resolve';
import { parseTableRows } from './row-parse';
import type { ParsedRow } from './row-parse';
import { validateRows } from './row-validate';
import { chooseSheet, classifyRow, detectHeader } from './table-detect';
import type { HeaderInfo, SheetCandidate } from './table-detect';
import type { ProgramResolver } from './program-resolve';
import { readWorkbookGrids, DEFAULT_READ_LIMITS } from './sheetjs';
import type { Cell, ReadLimits, SheetGrid } from './sheetjs';
import { isStandardWorkbook, readStandardWorkbook } from './standard-read';
import { SHEET_NAMES } from './standard-workbook';
import { DEFAULT_FILE_LIMITS, guardWorkbookBytes } from './zip-guard';
import type { FileLimits } from './zip-guard';

export interface LoadedWorkbook {
  sheets: SheetGrid[];
  /** Rows or columns beyond the read limits were ignored. */
  truncated: boolean;
}

export type LoadResult = { ok: true; workbook: LoadedWorkbook } | { ok: false; refused: boolean; message: Bilingual };

export interface PipelineLimits {
  file: FileLimits;
  read: ReadLimits;
}

export const DEFAULT_PIPELINE_LIMITS: PipelineLimits = { file: DEFAULT_FILE_LIMITS, read: DEFAULT_READ_LIMITS };

type LoadFailure = Extract<LoadResult, { ok: false }>;

function unreadable(e: unknown): LoadFailure {
  const why = e instanceof Error ? e.message.slice(0, 200) : String(e).slice(0, 200);
  return { ok: false, refused: false, message: { ja: `ブックとして読み込めませんでした（${why}）。`, en: `The file could not be read as a workbook (${why}).` } };
}

function loaded(sheets: SheetGrid[], truncated: boolean): LoadResult {
  if (!sheets.length) return { ok: false, refused: false, message: { ja: 'ブックにシートがありません。', en: 'The workbook has no sheets.' } };
  return { ok: true, workbook: { sheets: sheets.map(expandMerges), truncated } };
}

/**
 * Guards then reads the bytes. Refusals (size, zip bomb, a text file named .xlsx) come before SheetJS sees a byte;
 * read failures are caught. `fileName` helps decoding (a .xlsx that holds text is refused, not read as CSV).
 */
export function loadWorkbook(bytes: Uint8Array, limits: PipelineLimits = DEFAULT_PIPELINE_LIMITS, fileName?: string): LoadResult {
  const guard = guardWorkbookBytes(bytes, limits.file);
  if (!guard.ok) return { ok: false, refused: true, message: guard.message };
  const decoded = decodeSource(bytes, limits.read, fileName);
  if (decoded.kind === 'refused') return { ok: false, refused: true, message: decoded.message };
  if (decoded.kind === 'grid') return loaded([decoded.sheet], decoded.truncated);
  try {
    const { sheets, truncated } = readWorkbookGrids(bytes, limits.read);
    return loaded(sheets, truncated);
  } catch (e) {
    return unreadable(e);
  }
}

export interface Analysis {
  format: 'standard' | 'office';
  candidates: SheetCandidate[];
  /** Office format: the detected header (null when the chosen sheet has none). */
  header: HeaderInfo | null;
  /** Office format: one target per header column. */
  mapping: ColumnMapping;
  /** Office format: signature of the header layout, the key of a remembered mapping. */
  signature: string | null;
  mappingSource: 'remembered' | 'proposed' | 'standard' | 'none';
  /** Office format: per column, the ranked field choices (for the mapping UI) and why values changed a guess. */
  columns: ColumnInference[];
  /** Every non-empty header column the mapping leaves unimported (so it can be reported). */
  unmappedColumns: { column: string; header: string }[];
  /**
   * Office format: every sheet read, in workbook order — the chosen sheet and each other visible sheet with the same
   * header layout (a sheet per fiscal year), read with the same mapping. Empty when no header was found.
   */
  sheetGroup?: HeaderInfo[];
  /** The names of `sheetGroup`, for the wizard and the CLI. */
  sheets?: string[];
}

export interface AnalyseOptions {
  /** A sheet chosen by the user (by name); default: the best-matching one. */
  sheet?: string | undefined;
  /** Looks up a remembered mapping by header signature. */
  remembered?: ((signature: string) => Readonly<Record<string, string>> | undefined) | undefined;
}

/** Rows sampled under the header for the value detectors. */
const VALUE_SAMPLE_ROWS = 60;

/** Each column's cells in the data rows just under the header (section, total and footnote rows left out). */
function sampleColumns(grid: SheetGrid, header: HeaderInfo): Cell[][] {
  const columns: Cell[][] = header.headers.map(() => []);
  let taken = 0;
  for (let r = header.headerRow + 1; r < grid.rows.length && taken < VALUE_SAMPLE_ROWS; r++) {
    const row = grid.rows[r] ?? [];
    if (classifyRow(row, header.headers, -1).kind !== 'data') continue;
    taken++;
    for (let c = 0; c < columns.length; c++) columns[c]!.push(row[c] ?? null);
  }
  return columns;
}

/** Chooses the format, sheet, header band and a mapping (remembered for this layout, else inferred from headers and values). */
export function analyseWorkbook(workbook: LoadedWorkbook, opts: AnalyseOptions = {}): Analysis {
  const { sheets } = workbook;
  const { candidates, chosen, headers } = chooseSheet(sheets);
  const standard = isStandardWorkbook(sheets);
  const standardSheet = sheets.find((s) => s.name === SHEET_NAMES.projects.en || s.name === SHEET_NAMES.projects.ja)?.name;
  const none = { mapping: [], signature: null, columns: [], unmappedColumns: [], sheetGroup: [], sheets: [] };
  if (standard && (!opts.sheet || opts.sheet === standardSheet)) {
    return { format: 'standard', candidates, header: null, mappingSource: 'standard', ...none };
  }
  let header = chosen;
  if (opts.sheet !== undefined) {
    const index = sheets.findIndex((s) => s.name === opts.sheet);
    header = index >= 0 ? (headers[index] ?? detectHeader(sheets[index]!, index)) : null;
  }
  if (!header) return { format: 'office', candidates, header: null, mappingSource: 'none', ...none };
  const signature = headerSignature(header.headers);
  const inferred = inferColumns(header.headers, sampleColumns(sheets[header.sheetIndex]!, header), header.titleFiscalYear);
  const stored = opts.remembered?.(signature);
  const mapping = stored ? deserializeMapping(stored, header.headers.length) : inferred.mapping;
  const chosenHeader = header;
  const sheetGroup = headers.filter(
    (h): h is HeaderInfo => h !== null && (h.sheetIndex === chosenHeader.sheetIndex || (!sheets[h.sheetIndex]!.hidden && headerSignature(h.headers) === signature)),
  );
  return {
    format: 'office', candidates, header, mapping, signature, mappingSource: stored ? 'remembered' : 'proposed',
    columns: inferred.columns, unmappedColumns: unmappedColumns(header.headers, mapping), sheetGroup, sheets: sheetGroup.map((h) => h.sheetName),
  };
}

/** Parses the analysed sheet(s). `mapping` overrides the analysis's mapping (the user's edits in the wizard). */
export function parseWorkbook(workbook: LoadedWorkbook, analysis: Analysis, resolver: ProgramResolver, mapping?: ColumnMapping): ParsedImport {
  let result: ParsedImport;
  if (analysis.format === 'standard') {
    result = readStandardWorkbook(workbook.sheets, resolver);
  } else if (!analysis.header) {
    const name = workbook.sheets.find((s) => !s.hidden)?.name ?? workbook.sheets[0]?.name ?? '';
    result = {
      format: 'office', sheet: name, projects: [], budgetLines: [], milestones: [], skipped: [], errorRows: [],
      problems: [{ sheet: name, row: 1, column: null, severity: 'error', message: { ja: '見出し行（管理番号・課題名・研究代表者などの列名が並んだ行）が見つかりません。', en: 'No header row found (a row naming columns such as 管理番号, 課題名, 研究代表者).' } }],
    };
  } else {
    const chosen = analysis.header;
    const m = mapping ?? analysis.mapping;
    const padded = chosen.headers.map((_, i) => m[i] ?? { field: 'ignore' as const });
    const group = analysis.sheetGroup?.length ? analysis.sheetGroup : [chosen];
    const rows: ParsedRow[] = [];
    const skipped: SkippedRow[] = [];
    const tableProblems: ImportProblem[] = [];
    let codeColumn: string | null = null;
    for (const header of group) {
      const grid = workbook.sheets[header.sheetIndex]!;
      const read = parseTableRows(grid, header, mappingForSheet(padded, chosen, header), resolver);
      validateRows(read.rows, read.columnOf);
      const notes = mapping || header !== chosen ? [] : analysis.columns.flatMap((c) => (c.note ? [{ sheet: grid.name, row: chosen.headerRow + 1, column: c.column, severity: 'warning' as const, message: c.note }] : []));
      rows.push(...read.rows);
      skipped.push(...read.skipped);
      tableProblems.push(...notes, ...read.tableProblems);
      codeColumn ??= read.columnOf('code') ?? read.columnOf('amedNumber');
    }
    const names = group.map((h) => h.sheetName);
    result = buildImportPlan(names[0]!, rows, skipped, tableProblems, codeColumn, names);
    if (names.length > 1) result.sheets = names;
  }
  if (workbook.truncated) {
    result.problems.unshift({ sheet: result.sheet, row: 1, column: null, severity: 'warning', message: { ja: 'シートが読み込み上限を超えているため、上限を超える行・列は無視しました。', en: 'The sheet is larger than the read limit; rows or columns beyond it were ignored.' } });
  }
  return result;
}

/**
 * The mapping for another sheet of the same layout: a budget column whose year came from the chosen sheet's title
 * (「令和6年度 受託研究一覧」) takes this sheet's title year (「令和7年度 …」).
 */
function mappingForSheet(mapping: ColumnMapping, chosen: HeaderInfo, header: HeaderInfo): ColumnMapping {
  if (header === chosen || chosen.titleFiscalYear === null || header.titleFiscalYear === null || header.titleFiscalYear === chosen.titleFiscalYear) return mapping;
  return mapping.map((t) => (t.fiscalYear === chosen.titleFiscalYear ? { ...t, fiscalYear: header.titleFiscalYear } : t));
}

export interface PipelineOptions extends AnalyseOptions {
  programs: readonly CatalogProgram[];
  /** The file's name: its extension helps decoding (.csv, .xls, .ods; a text file named .xlsx is refused). */
  fileName?: string | undefined;
  mapping?: ColumnMapping | undefined;
  limits?: PipelineLimits | undefined;
}

export type PipelineResult = { ok: true; analysis: Analysis; result: ParsedImport } | { ok: false; refused: boolean; message: Bilingual };

/** Bytes to parsed records in one call (the CLI and tests; the Worker runs the steps separately to keep the grids). */
export function runImportPipeline(bytes: Uint8Array, opts: PipelineOptions): PipelineResult {
  const loaded = loadWorkbook(bytes, opts.limits, opts.fileName);
  if (!loaded.ok) return loaded;
  const analysis = analyseWorkbook(loaded.workbook, opts);
  const result = parseWorkbook(loaded.workbook, analysis, createProgramResolver(opts.programs), opts.mapping);
  return { ok: true, analysis, result };
}

/** True when some row has an error. */
export function hasErrors(result: ParsedImport): boolean {
  return result.problems.some((p) => p.severity === 'error');
}
