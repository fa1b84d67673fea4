// The `<row>` elements of a big worksheet, byte for byte what SheetJS 0.20.3 writes for the same cells, built in one
// pass over plain cells: SheetJS spends most of a big write making a cell object, an attribute map and two regex
// replacements per cell. sheetjs.ts checks these rows against SheetJS's own on a sample of every sheet and falls back
// to SheetJS's write on any difference; the tests compare whole workbooks, so a SheetJS upgrade that writes rows
// differently fails them rather than changing the files unseen.
import { joinFileBytes } from '../api/desktop-api';
import type { Cell } from './sheetjs';
import { isoToSerial } from './excel-serial';

/** SheetJS's `escapexml`: the five XML entities, then C0 controls (tab and newline excepted) and U+FFFE/F as `_xHHHH_`. */
const ENTITY = /[&<>'"]/g;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', "'": '&apos;', '"': '&quot;' };
// eslint-disable-next-line no-control-regex -- control characters are what it finds (SheetJS's own `charegex`)
const CONTROL = /[\u0000-\u0008\u000b-\u001f\uFFFE-\uFFFF]/g;
/** SheetJS's `wtregex`: a value with a leading or trailing space or a newline gets `xml:space="preserve"`. */
const PRESERVE = /(^\s|\s$|\n)/;
/** One test for "anything but plain text": most cells pass it and are written as they are. */
// eslint-disable-next-line no-control-regex -- as CONTROL
const SPECIAL = /[&<>'"\u0000-\u001f\uD800-\uDFFF\uFFFE\uFFFF]|^\s|\s$/;
/** A surrogate without its pair: SheetJS's UTF-8 encoder and TextEncoder write it differently, so such text is not ours. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** SheetJS's text length limit (it throws beyond it; so does the fallback). */
const MAX_TEXT = 32767;

/** Number format → cell style index, as the write registered them (0: General, no `s` attribute). */
export type StyleOf = (numFmt: string | undefined) => number;

/** Spreadsheet column letters of a 0-based index (A, B, …, Z, AA, …). */
export function columnLetters(c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Thrown when a cell is one SheetJS writes some other way (an error cell, too long, a lone surrogate). */
export class RowsNotWritten extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RowsNotWritten';
  }
}

/** The number format a cell is written with (what `toWorksheet` in sheetjs.ts gives it), or undefined for General. */
export function cellFormat(cell: Cell, numFmt: string | undefined, dateFormat: string): string | undefined {
  if (typeof cell === 'number') return numFmt || undefined;
  if (cell !== null && typeof cell === 'object') return numFmt ?? dateFormat;
  return undefined;
}

/**
 * Writes rows to SheetJS's worksheet XML. `numFmts` is the sheet's format per column, `dateFormat` the one of date
 * cells in columns without a format. Throws `RowsNotWritten` when a cell would not come out as SheetJS writes it.
 */
export class SheetRowsWriter {
  private readonly refs: string[] = [];

  constructor(
    private readonly numFmts: Readonly<Record<number, string>>,
    private readonly dateFormat: string,
    private readonly styleOf: StyleOf,
  ) {}

  private col(c: number): string {
    return (this.refs[c] ??= columnLetters(c));
  }

  /** The `<row>` element of row index `r` (0-based), or '' for an empty row (SheetJS writes none). */
  row(cells: readonly Cell[], r: number): string {
    if (cells.length === 0) return '';
    const rr = String(r + 1);
    let out = '';
    let preserve = false;
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c];
      // A null cell is a stub SheetJS skips, but it still counts as written: a row of nulls is an empty <row>.
      if (cell === null || cell === undefined) continue;
      let value: string;
      let type = '';
      let style = 0;
      // Only text can need it (plain text without SPECIAL characters never does).
      let space = false;
      if (typeof cell === 'string') {
        if (cell.length > MAX_TEXT) throw new RowsNotWritten('text longer than 32,767 characters');
        value = cell;
        type = 'str';
        if (SPECIAL.test(value)) {
          if (LONE_SURROGATE.test(value)) throw new RowsNotWritten('text with a lone surrogate');
          value = value.replace(ENTITY, (ch) => ENTITIES[ch]!).replace(CONTROL, (ch) => `_x${ch.charCodeAt(0).toString(16).padStart(4, '0')}_`);
          space = PRESERVE.test(value);
        }
      } else if (typeof cell === 'number') {
        if (!Number.isFinite(cell)) throw new RowsNotWritten('a number that is not finite');
        value = String(cell);
        style = this.styleOf(cellFormat(cell, this.numFmts[c], this.dateFormat));
      } else if (typeof cell === 'boolean') {
        value = cell ? '1' : '0';
        type = 'b';
      } else {
        value = String(isoToSerial(cell.iso));
        style = this.styleOf(cellFormat(cell, this.numFmts[c], this.dateFormat));
      }
      // SheetJS tests the <c>'s content (the whole <v>) too: only a newline can match there.
      const newline = space && value.includes('\n');
      if (newline) preserve = true;
      out += `<c r="${this.col(c)}${rr}"${style ? ` s="${style}"` : ''}${type ? ` t="${type}"` : ''}${newline ? ' xml:space="preserve"' : ''}><v${space ? ' xml:space="preserve"' : ''}>${value}</v></c>`;
    }
    return `<row r="${rr}"${preserve ? ' xml:space="preserve"' : ''}>${out}</row>`;
  }

  /**
   * Every row's XML as UTF-8, in chunks of `CHUNK_ROWS` rows: one string of a whole big sheet (tens of MB as UTF-16)
   * and its pieces outlive the young generation, and collecting them was a third of the write.
   */
  rowsUtf8(rows: readonly (readonly Cell[])[], encode: (s: string) => Uint8Array): Uint8Array[] {
    const chunks: Uint8Array[] = [];
    for (let from = 0; from < rows.length; from += CHUNK_ROWS) {
      let xml = '';
      const to = Math.min(rows.length, from + CHUNK_ROWS);
      for (let r = from; r < to; r++) xml += this.row(rows[r]!, r);
      chunks.push(encode(xml));
    }
    return chunks;
  }
}

/** Rows per encoded chunk: small enough that each chunk's text stays a young, short-lived string. */
const CHUNK_ROWS = 128;

/** The sheet's cells and formats: what the style registration and the writer need of a `SheetSpec`. */
interface RowsAndFormats {
  rows: readonly (readonly Cell[])[];
  numFmts?: Readonly<Record<number, string>> | undefined;
}

/**
 * What one SheetJS write of `sheets` (in order) does with number formats: it numbers cell styles in the order their
 * formats are first met (General is 0). Also, per sheet, the rows where a format is first met: a sample of SheetJS's
 * own rows must hold them, so the write registers the same styles in the same order without writing every row.
 */
export function styleRegistration(sheets: readonly RowsAndFormats[], dateFormat: string): { styleOf: StyleOf; firstRows: number[][] } {
  const index = new Map<string, number>([['General', 0]]);
  const firstRows = sheets.map((sheet) => {
    const found: number[] = [];
    const fmts = sheet.numFmts ?? {};
    sheet.rows.forEach((row, r) => {
      for (let c = 0; c < row.length; c++) {
        const cell = row[c]!;
        if (cell === null || typeof cell === 'string' || typeof cell === 'boolean') continue;
        const z = cellFormat(cell, fmts[c], dateFormat);
        if (z !== undefined && !index.has(z)) {
          index.set(z, index.size);
          if (found.at(-1) !== r) found.push(r);
        }
      }
    });
    return found;
  });
  return { styleOf: (z) => (z === undefined ? 0 : index.get(z) ?? 0), firstRows };
}

// The platform's UTF-8 codec (browsers and Node have it; shared/ is compiled without DOM typings, as decode.ts).
const codec = globalThis as unknown as { TextEncoder: new () => { encode(s: string): Uint8Array }; TextDecoder: new () => { decode(b: Uint8Array): string } };

/**
 * The whole worksheet XML from SheetJS's XML of the same sheet written with only the rows `sampled`: its
 * `<sheetData>` must be exactly what `writer` gives for those rows (else `RowsNotWritten`), and is replaced by every row.
 * UTF-8 in and out (SheetJS's own encoder and the platform's agree on all text but lone surrogates, refused above).
 */
export function spliceRows(sample: Uint8Array, sampled: readonly number[], rows: readonly (readonly Cell[])[], writer: SheetRowsWriter): Uint8Array {
  const sampleXml = new codec.TextDecoder().decode(sample);
  const open = sampleXml.indexOf('<sheetData>');
  const close = sampleXml.lastIndexOf('</sheetData>');
  if (open < 0 || close < open) throw new RowsNotWritten('SheetJS wrote no rows to compare with');
  const theirs = sampleXml.slice(open + '<sheetData>'.length, close);
  let ours = '';
  for (const r of sampled) ours += writer.row(rows[r]!, r);
  if (ours !== theirs) throw new RowsNotWritten('the rows differ from what SheetJS writes');
  const encoder = new codec.TextEncoder();
  const encode = (text: string) => encoder.encode(text);
  return joinFileBytes([encode(sampleXml.slice(0, open + '<sheetData>'.length)), ...writer.rowsUtf8(rows, encode), encode(sampleXml.slice(close))]);
}
