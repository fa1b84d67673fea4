// Stage 1 of the import, decode: which kind of file the bytes are, and a CSV/TSV read by us. A CSV is UTF-8 (with or
// without BOM) or else CP932, which Japanese Excel writes; decoding and splitting it here (TextDecoder('shift_jis')
// exists in Node and Chromium) means no library guesses the encoding from a first header in kanji.
import type { Bilingual } from '../domain/message';
import type { Cell, ReadLimits, SheetGrid } from './sheetjs';

export type SourceKind = 'zip' | 'ole' | 'markup' | 'text' | 'empty';

/** What the bytes are, from their first bytes: a zip (xlsx/ods), an OLE file (xls), markup (HTML/XML "xls"), text. */
export function sniffSource(bytes: Uint8Array): SourceKind {
  if (bytes.length === 0) return 'empty';
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b) return 'zip';
  if (bytes.length >= 4 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return 'ole';
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && i < 64 && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  return bytes[i] === 0x3c /* < */ ? 'markup' : 'text';
}

type TextDecoderLike = new (label: string, options?: { fatal?: boolean }) => { decode(bytes: Uint8Array): string };

/** Text of a text file: UTF-8 with or without BOM when it is valid UTF-8, else CP932 (Shift_JIS as Windows writes it). */
export function decodeText(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'shift_jis' } {
  const Decoder = (globalThis as unknown as { TextDecoder: TextDecoderLike }).TextDecoder;
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return { text: new Decoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
  } catch {
    return { text: new Decoder('shift_jis').decode(body), encoding: 'shift_jis' };
  }
}

/** The delimiter of a CSV/TSV: a tab when the first line has more tabs than commas. */
function delimiterOf(text: string): string {
  const end = text.indexOf('\n');
  const first = end < 0 ? text : text.slice(0, end);
  const tabs = first.split('\t').length;
  const commas = first.split(',').length;
  return tabs > commas ? '\t' : ',';
}

/**
 * Rows of a CSV/TSV (RFC 4180: quoted cells may hold delimiters, doubled quotes and line breaks, as KAKEN's
 * multi-line 配分額 cells do). Cells stay text, so 00123 keeps its zeros; an empty cell is null.
 */
export function parseDelimited(text: string, limits: ReadLimits): { rows: Cell[][]; truncated: boolean } {
  const delimiter = delimiterOf(text);
  const rows: Cell[][] = [];
  let row: Cell[] = [];
  let cell = '';
  let quoted = false;
  let truncated = false;
  const endCell = () => {
    if (row.length < limits.maxCols) row.push(cell === '' ? null : cell);
    else truncated = true;
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else cell += ch;
      continue;
    }
    if (ch === '"' && cell === '') quoted = true;
    else if (ch === delimiter) endCell();
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endCell();
      rows.push(row);
      row = [];
      if (rows.length >= limits.maxRows) {
        truncated = i + 1 < text.length;
        break;
      }
    } else cell += ch;
  }
  if (cell !== '' || row.length) {
    endCell();
    if (rows.length < limits.maxRows) rows.push(row);
  }
  while (rows.length && rows[rows.length - 1]!.every((c) => c === null)) rows.pop();
  return { rows, truncated };
}

export type DecodeResult =
  | { kind: 'workbook' }
  | { kind: 'grid'; sheet: SheetGrid; truncated: boolean }
  | { kind: 'refused'; message: Bilingual };

const WORKBOOK_EXT = /\.(xlsx|xlsm|xltx|xlsb|ods)$/i;

/** Base name without folder or extension (the CSV's one sheet is named after its file, as Excel does). */
function sheetNameOf(fileName: string | undefined): string {
  const base = (fileName ?? '').split(/[\\/]/).pop()?.replace(/\.[^.]*$/, '') ?? '';
  return base.slice(0, 31) || 'Sheet1';
}

/**
 * Decides how to read the bytes: a workbook for SheetJS, a CSV/TSV grid read here, or a refusal. A text file named
 * like a workbook (.xlsx renamed) is refused as "not an Excel workbook", and so is text with no delimiter at all,
 * which no table was ever saved as.
 */
export function decodeSource(bytes: Uint8Array, limits: ReadLimits, fileName?: string): DecodeResult {
  const kind = sniffSource(bytes);
  if (kind === 'zip' || kind === 'ole' || kind === 'markup') return { kind: 'workbook' };
  const notWorkbook = {
    kind: 'refused',
    message: {
      ja: 'Excelのブック（CSVファイル）ではありません。中身はただのテキストです。Excelで .xlsx か .csv として保存し直してください。',
      en: 'This is not an Excel workbook (nor a CSV file): it holds plain text. Save the sheet from Excel as .xlsx or .csv and try again.',
    },
  } as const;
  if (kind === 'empty') return { kind: 'refused', message: { ja: 'ファイルが空です。', en: 'The file is empty.' } };
  if (fileName && WORKBOOK_EXT.test(fileName)) return notWorkbook;
  const { text } = decodeText(bytes);
  const { rows, truncated } = parseDelimited(text, limits);
  if (!rows.some((r) => r.length > 1)) return notWorkbook;
  return { kind: 'grid', sheet: { name: sheetNameOf(fileName), rows, merges: [], hidden: false }, truncated };
}
