// The one module that imports SheetJS. It turns workbook bytes into plain cell grids and plain grids back into
// workbook bytes, so the rest of the Excel pipeline (Worker, CLI, tests) never touches SheetJS objects.
// Formulas are never evaluated or written: a formula cell is read as its cached value, or as text when it has none.
import * as XLSX from 'xlsx';
import type { IsoDate } from '../domain/types';

/** A date cell, already converted from Excel's serial number to a calendar date (no time zone involved). */
export interface ExcelDate {
  kind: 'date';
  iso: IsoDate;
}

export type Cell = null | string | number | boolean | ExcelDate;

export interface SheetGrid {
  name: string;
  /** Rows as read, row 0 = the sheet's row 1. Trailing empty rows are dropped. */
  rows: Cell[][];
  /** Merged ranges, 0-based inclusive. */
  merges: { s: { r: number; c: number }; e: { r: number; c: number } }[];
  hidden: boolean;
}

export interface ReadLimits {
  /** Rows read per sheet at most (the rest is ignored and reported). */
  maxRows: number;
  /** Columns read per row at most. */
  maxCols: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = { maxRows: 200_000, maxCols: 200 };

export function isExcelDate(cell: Cell): cell is ExcelDate {
  return typeof cell === 'object' && cell !== null && (cell as ExcelDate).kind === 'date';
}

function serialToIso(serial: number, date1904: boolean): IsoDate | null {
  const parsed = XLSX.SSF.parse_date_code(serial, { date1904 });
  if (!parsed || !parsed.y) return null;
  return `${String(parsed.y).padStart(4, '0')}-${String(parsed.m).padStart(2, '0')}-${String(parsed.d).padStart(2, '0')}`;
}

function toCell(cell: XLSX.CellObject | undefined, date1904: boolean): Cell {
  if (!cell) return null;
  switch (cell.t) {
    case 'n': {
      const v = cell.v as number;
      if (cell.z !== undefined && XLSX.SSF.is_date(String(cell.z))) {
        const iso = serialToIso(v, date1904);
        return iso ? { kind: 'date', iso } : v;
      }
      return v;
    }
    case 'd': {
      const d = cell.v as Date;
      return { kind: 'date', iso: `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}` };
    }
    case 's':
      return String(cell.v ?? '');
    case 'b':
      return Boolean(cell.v);
    case 'e':
      return null;
    case 'z':
      return null;
    default:
      return cell.v === undefined ? null : String(cell.v);
  }
}

/**
 * Reads workbook bytes (xlsx, xls, csv, ods) into plain grids. Throws on unreadable input; callers wrap the message.
 * Reads densely and only the rows that exist, so a sheet whose used range claims A1:XFD1048576 costs what it holds.
 */
export function readWorkbookGrids(bytes: Uint8Array, limits: ReadLimits = DEFAULT_READ_LIMITS): { sheets: SheetGrid[]; truncated: boolean } {
  const wb = XLSX.read(bytes, {
    type: 'array',
    dense: true,
    cellFormula: false,
    cellHTML: false,
    cellText: false,
    cellStyles: false,
    cellNF: true,
    cellDates: false,
    sheetRows: limits.maxRows + 1,
  });
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
  let truncated = false;
  const sheets = wb.SheetNames.map((name, index): SheetGrid => {
    const ws = wb.Sheets[name];
    const data = (ws?.['!data'] ?? []) as (XLSX.CellObject[] | undefined)[];
    if (data.length > limits.maxRows) truncated = true;
    const rows: Cell[][] = [];
    const rowCount = Math.min(data.length, limits.maxRows);
    for (let r = 0; r < rowCount; r++) {
      const src = data[r];
      if (!src) {
        rows.push([]);
        continue;
      }
      const width = Math.min(src.length, limits.maxCols);
      if (src.length > limits.maxCols) truncated = true;
      const row: Cell[] = new Array(width);
      for (let c = 0; c < width; c++) row[c] = toCell(src[c], date1904);
      rows.push(row);
    }
    while (rows.length && rows[rows.length - 1]!.every((c) => c === null || c === '')) rows.pop();
    const hiddenFlag = wb.Workbook?.Sheets?.[index]?.Hidden;
    return { name, rows, merges: (ws?.['!merges'] ?? []).map((m) => ({ s: { ...m.s }, e: { ...m.e } })), hidden: Boolean(hiddenFlag) };
  });
  return { sheets, truncated };
}

export interface SheetSpec {
  name: string;
  rows: Cell[][];
  /** Column widths in characters. */
  colWidths?: number[];
  /** Number format per column index (e.g. '#,##0"円"', 'yyyy-mm-dd'). */
  numFmts?: Record<number, string>;
  /** Rows frozen at the top (header). */
  freezeRows?: number;
}

function isoToSerial(iso: IsoDate): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

/**
 * Writes sheets to xlsx bytes. Strings are always written as text cells (never formulas); dates become real date cells.
 */
export function writeWorkbookBytes(sheets: SheetSpec[]): Uint8Array {
  const wb = XLSX.utils.book_new();
  for (const spec of sheets) {
    const data: XLSX.CellObject[][] = spec.rows.map((row) =>
      row.map((cell, c): XLSX.CellObject => {
        if (cell === null || cell === undefined) return { t: 'z' };
        if (typeof cell === 'number') {
          const z = spec.numFmts?.[c];
          return z ? { t: 'n', v: cell, z } : { t: 'n', v: cell };
        }
        if (typeof cell === 'boolean') return { t: 'b', v: cell };
        if (typeof cell === 'string') return { t: 's', v: cell };
        return { t: 'n', v: isoToSerial(cell.iso), z: spec.numFmts?.[c] ?? 'yyyy-mm-dd' };
      }),
    );
    const width = data.reduce((w, r) => Math.max(w, r.length), 0);
    const ws: XLSX.WorkSheet = { '!data': data, '!ref': XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: Math.max(0, data.length - 1), c: Math.max(0, width - 1) } }) };
    if (spec.colWidths) ws['!cols'] = spec.colWidths.map((wch) => ({ wch }));
    XLSX.utils.book_append_sheet(wb, ws, spec.name);
  }
  const out = XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer;
  return new Uint8Array(out);
}
