// The one module that imports SheetJS. It turns workbook bytes into plain cell grids and plain grids back into
// workbook bytes, so the rest of the Excel pipeline (Worker, CLI, tests) never touches SheetJS objects.
// Formulas are never evaluated or written: a formula cell is read as its cached value, or as text when it has none.
import * as XLSX from 'xlsx';
import type { IsoDate } from '../domain/types';
import { decodeSource } from './decode';
import { isoToSerial, serialToIso } from './excel-serial';
import { crc32, DEFAULT_DATE_FORMAT, PartRefused, readZipEntries, writeZip } from './xlsx-parts';
import type { ZipEntry } from './xlsx-parts';
import { RowsNotWritten, SheetRowsWriter, spliceRows, styleRegistration } from './sheet-rows-xml';

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

/** Whether a number format is a date format, cached: a 50,000-row sheet repeats a handful of formats. */
const dateFormatCache = new Map<string, boolean>();
function isDateFormat(z: string): boolean {
  let known = dateFormatCache.get(z);
  if (known === undefined) {
    known = Boolean(XLSX.SSF.is_date(z));
    if (dateFormatCache.size < 1000) dateFormatCache.set(z, known);
  }
  return known;
}

function toCell(cell: XLSX.CellObject | undefined, date1904: boolean): Cell {
  if (!cell) return null;
  switch (cell.t) {
    case 'n': {
      const v = cell.v as number;
      if (cell.z !== undefined && isDateFormat(String(cell.z))) {
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

/** One read of a workbook: every sheet's name, in order, and the grids of the sheets that were read (null: not asked for). */
export interface SheetGridsRead {
  names: string[];
  grids: (SheetGrid | null)[];
  truncated: boolean;
}

/**
 * Reads workbook bytes (xlsx, xls, csv, ods) into plain grids, all sheets or only those at `only` (SheetJS then skips
 * the others' XML: the CLI reads only the planning sheets this way). Throws on unreadable input.
 * Reads densely and only the rows that exist, so a sheet whose used range claims A1:XFD1048576 costs what it holds.
 */
export function readWorkbookSheetGrids(bytes: Uint8Array, limits: ReadLimits = DEFAULT_READ_LIMITS, only?: readonly number[]): SheetGridsRead {
  const decoded = decodeSource(bytes, limits);
  if (decoded.kind === 'refused') throw new Error(decoded.message.en);
  if (decoded.kind === 'grid') return { names: [decoded.sheet.name], grids: !only || only.includes(0) ? [decoded.sheet] : [null], truncated: decoded.truncated };
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
    ...(only ? { sheets: [...only] } : {}),
  });
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
  let truncated = false;
  const wanted = only ? new Set(only) : null;
  const grids = wb.SheetNames.map((name, index): SheetGrid | null => {
    if (wanted && !wanted.has(index)) return null;
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
  return { names: [...wb.SheetNames], grids, truncated };
}

/** Reads every sheet of workbook bytes into plain grids (see `readWorkbookSheetGrids`). Throws on unreadable input. */
export function readWorkbookGrids(bytes: Uint8Array, limits: ReadLimits = DEFAULT_READ_LIMITS): { sheets: SheetGrid[]; truncated: boolean } {
  const { grids, truncated } = readWorkbookSheetGrids(bytes, limits);
  return { sheets: grids.filter((g): g is SheetGrid => g !== null), truncated };
}

export interface SheetSpec {
  name: string;
  rows: Cell[][];
  /** Column widths in characters. */
  colWidths?: number[];
  /** Number format per column index (e.g. '#,##0"円"', 'yyyy-mm-dd'). */
  numFmts?: Record<number, string>;
  /** Rows frozen at the top (header): written as the sheet view's frozen pane. */
  freezeRows?: number;
  /** Merged ranges, 0-based inclusive (title rows, group headers). */
  merges?: { s: { r: number; c: number }; e: { r: number; c: number } }[];
  /** Hidden sheet (a lookup list an office keeps out of sight). */
  hidden?: boolean;
}

/** A row SheetJS writes nothing for: the rows of a big sheet it is not given (see `sampled` below). */
const NO_CELLS: XLSX.CellObject[] = [];

/** The worksheet of `spec`; with `sampled`, only those rows hold cells (the range stays the whole sheet's). */
function toWorksheet(spec: SheetSpec, sampled?: ReadonlySet<number>): XLSX.WorkSheet {
  const data: XLSX.CellObject[][] = spec.rows.map((row, r) =>
    sampled && !sampled.has(r) ? NO_CELLS : row.map((cell, c): XLSX.CellObject => {
      if (cell === null || cell === undefined) return { t: 'z' };
      if (typeof cell === 'number') {
        const z = spec.numFmts?.[c];
        return z ? { t: 'n', v: cell, z } : { t: 'n', v: cell };
      }
      if (typeof cell === 'boolean') return { t: 'b', v: cell };
      if (typeof cell === 'string') return { t: 's', v: cell };
      return { t: 'n', v: isoToSerial(cell.iso), z: spec.numFmts?.[c] ?? DEFAULT_DATE_FORMAT };
    }),
  );
  const width = spec.rows.reduce((w, r) => Math.max(w, r.length), 0);
  const ws: XLSX.WorkSheet = { '!data': data, '!ref': XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: Math.max(0, data.length - 1), c: Math.max(0, width - 1) } }) };
  if (spec.colWidths) ws['!cols'] = spec.colWidths.map((wch) => ({ wch }));
  if (spec.merges?.length) ws['!merges'] = spec.merges.map((m) => ({ s: { ...m.s }, e: { ...m.e } }));
  return ws;
}

/**
 * Sheet XML bytes with a frozen pane of the top `rows` rows in its first `<sheetView …/>` (SheetJS writes it
 * self-closing, before the cells). Works on bytes: the tag is ASCII and near the start, the cells may be any UTF-8.
 */
function withFrozenRows(xml: Uint8Array, rows: number): Uint8Array {
  const head = String.fromCharCode(...xml.subarray(0, 4096));
  const m = /<sheetView\b[^>]*?(\/>)/.exec(head);
  if (!m) return xml;
  const pane = `><pane ySplit="${rows}" topLeftCell="A${rows + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/></sheetView>`;
  const at = m.index + m[0].length - 2;
  const out = new Uint8Array(xml.length - 2 + pane.length);
  out.set(xml.subarray(0, at));
  for (let i = 0; i < pane.length; i++) out[at + i] = pane.charCodeAt(i);
  out.set(xml.subarray(at + 2), at + pane.length);
  return out;
}

/** SheetJS's own raw deflate (what its compressed writes use): each entry is compressed exactly as a one-call write would. */
const deflateRaw = (XLSX.CFB as { utils: { _deflateRaw(data: Uint8Array): Uint8Array } }).utils._deflateRaw;

/** A sheet's XML as SheetJS wrote it → the XML to store instead (index: the sheet's, 0-based). */
type SheetXmlEdit = (index: number, xml: Uint8Array) => Uint8Array;

/**
 * Writes frozen header rows, which SheetJS CE does not, and the big sheets' rows (`edit`): the workbook is written
 * once without compression, each frozen sheet's XML gets its `<pane state="frozen">`, and every entry is then deflated
 * once, as a compressed write would, keeping the write's CRC for the entries left as they were. Nothing is read back
 * or written twice.
 */
function writeWithPanes(wb: XLSX.WorkBook, freeze: readonly number[], edit?: SheetXmlEdit): Uint8Array {
  const stored = XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: false }) as Uint8Array;
  const entries = readZipEntries(stored).map((e): ZipEntry => {
    if (e.method !== 0) throw new Error(`SheetJS wrote ${e.name} compressed in an uncompressed write`);
    const sheet = /^xl\/worksheets\/sheet(\d+)\.xml$/.exec(e.name);
    const index = sheet ? Number(sheet[1]) - 1 : -1;
    const rows = sheet ? Math.floor(freeze[index] ?? 0) : 0;
    const edited = sheet && edit ? edit(index, e.data) : e.data;
    const content = rows > 0 ? withFrozenRows(edited, rows) : edited;
    const data = deflateRaw(content);
    return { ...e, method: 8, crc32: content === e.data ? e.crc32 : crc32(content), compressedSize: data.length, uncompressedSize: content.length, data };
  });
  return writeZip(entries);
}

function writeBook(wb: XLSX.WorkBook, hidden: readonly boolean[], freeze: readonly number[] = [], edit?: SheetXmlEdit): Uint8Array {
  if (hidden.some(Boolean)) wb.Workbook = { ...(wb.Workbook ?? {}), Sheets: wb.SheetNames.map((name, i) => ({ name, Hidden: (hidden[i] ? 1 : 0) as 0 | 1 })) };
  // 'buffer' hands back SheetJS's own zip bytes; 'array' would round-trip them through a binary string (about a
  // quarter of a big write). Outside Node it is a Uint8Array; in Node a Buffer, which may share a pooled buffer.
  const out = edit || freeze.some((n) => n > 0) ? writeWithPanes(wb, freeze, edit) : (XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }) as Uint8Array);
  return out.byteOffset === 0 && out.byteLength === out.buffer.byteLength && out.constructor === Uint8Array ? out : new Uint8Array(out);
}

/**
 * Sheets of at least this many cells have their rows written by sheet-rows-xml.ts: the reports workbook at 50,000
 * projects (two sheets of about 20,000 rows) is written in about 250 ms instead of 600 (docs/performance.md, session
 * 16), and the standard export's parts gain the same way. Below it a second path is not worth its cost.
 */
export const FAST_ROWS_MIN_CELLS = 20_000;

export interface WriteOptions {
  /** Sheets with at least this many cells get their rows from sheet-rows-xml.ts (tests set 0 to compare every sheet). */
  fastRowsMinCells?: number;
  /** Told why SheetJS wrote the workbook alone after all (tests check that the rows writer was used). */
  onFallback?: (reason: string) => void;
}

const cellCount = (spec: SheetSpec) => spec.rows.reduce((n, row) => n + row.length, 0);

/**
 * One write of `specs` as a workbook. Big sheets are given to SheetJS with only a sample of their rows (the first
 * two, the last, and each row where a number format is first met, so styles are numbered as in a full write); their
 * rows are then written by `SheetRowsWriter`, checked against SheetJS's sample, into SheetJS's XML. On any
 * difference the workbook is written by SheetJS alone.
 */
function writeSpecs(specs: readonly SheetSpec[], hidden: readonly boolean[], freeze: readonly number[], opts: WriteOptions): Uint8Array {
  const plain = () => {
    const wb = XLSX.utils.book_new();
    for (const spec of specs) XLSX.utils.book_append_sheet(wb, toWorksheet(spec), spec.name);
    return writeBook(wb, hidden, freeze);
  };
  const min = opts.fastRowsMinCells ?? FAST_ROWS_MIN_CELLS;
  const fast = specs.map((spec) => spec.rows.length > 0 && cellCount(spec) >= min);
  if (!fast.some(Boolean)) return plain();
  const { styleOf, firstRows } = styleRegistration(specs, DEFAULT_DATE_FORMAT);
  const sampled = specs.map((spec, i) => (fast[i] ? [...new Set([0, 1, spec.rows.length - 1, ...firstRows[i]!])].filter((r) => r < spec.rows.length).sort((a, b) => a - b) : []));
  const wb = XLSX.utils.book_new();
  specs.forEach((spec, i) => XLSX.utils.book_append_sheet(wb, toWorksheet(spec, fast[i] ? new Set(sampled[i]) : undefined), spec.name));
  const edit: SheetXmlEdit = (i, xml) => {
    const spec = specs[i];
    if (!spec || !fast[i]) return xml;
    const writer = new SheetRowsWriter(spec.numFmts ?? {}, DEFAULT_DATE_FORMAT, styleOf);
    return spliceRows(xml, sampled[i]!, spec.rows, writer);
  };
  try {
    return writeBook(wb, hidden, freeze, edit);
  } catch (err) {
    if (!(err instanceof RowsNotWritten)) throw err;
    opts.onFallback?.(err.message);
    return plain();
  }
}

/**
 * Writes sheets to xlsx bytes. Strings are always written as text cells (never formulas); dates become real date cells.
 */
export function writeWorkbookBytes(sheets: SheetSpec[], opts: WriteOptions = {}): Uint8Array {
  return writeSpecs(sheets, sheets.map((s) => Boolean(s.hidden)), sheets.map((s) => s.freezeRows ?? 0), opts);
}

/** A sheet without its rows: what the shell of a workbook written in parts needs to know of it. */
export type SheetLayout = Omit<SheetSpec, 'rows'>;

/** The seed sheet: one number cell per seed format, in order, so this write numbers its styles like every other. */
function seedSpec(name: string, seed: readonly string[]): SheetSpec {
  return { name, rows: [seed.map(() => 0)], numFmts: Object.fromEntries(seed.map((z, c) => [c, z])) };
}

/**
 * One sheet written as a part of a bigger workbook (see `assembleWorkbook` in xlsx-parts.ts): a two-sheet workbook
 * [seed, spec] whose second worksheet's style indexes match a shell written with the same `seed` (from `formatSeed`).
 * Throws when the sheet uses a number format the seed lacks.
 */
export function writeSheetPart(spec: SheetSpec, seed: readonly string[], opts: WriteOptions = {}): Uint8Array {
  const missing = [DEFAULT_DATE_FORMAT, ...Object.values(spec.numFmts ?? {})].filter((z) => z !== 'General' && !seed.includes(z));
  if (missing.length) throw new PartRefused(`the format seed lacks ${missing.join(', ')}`);
  return writeSpecs([seedSpec(spec.name === 'seed' ? 'seed0' : 'seed', seed), spec], [], [0, spec.freezeRows ?? 0], opts);
}

/**
 * The shell of a workbook written in parts: every sheet's name, order and hidden flag, with placeholder worksheets
 * (the first holds the seed row, so styles.xml numbers the seed's formats as every part does).
 */
export function writeWorkbookShell(layouts: readonly SheetLayout[], seed: readonly string[]): Uint8Array {
  const wb = XLSX.utils.book_new();
  layouts.forEach((layout, i) => XLSX.utils.book_append_sheet(wb, i === 0 ? toWorksheet(seedSpec(layout.name, seed)) : {}, layout.name));
  return writeBook(wb, layouts.map((l) => Boolean(l.hidden)));
}
