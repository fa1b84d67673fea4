// One xlsx file from sheets written separately (in parallel Workers): SheetJS writes a whole workbook in one
// synchronous call, so a big export writes each sheet as its own small workbook (a "part") and this module moves each
// part's sheet XML into a "shell" workbook that holds everything else. Entries are copied still compressed (bytes,
// CRC and sizes as SheetJS wrote them); only the zip headers and central directory are rewritten. The same zip reader
// and writer let sheetjs.ts add frozen panes to a workbook with one write and one deflate per entry. Pure TypeScript.
import { joinFileBytes } from '../api/desktop-api';
import type { SheetSpec } from './sheetjs';
import { readZipDirectory } from './zip-directory';

/** Number format of a date cell in a column without a format of its own (what `writeWorkbookBytes` uses). */
export const DEFAULT_DATE_FORMAT = 'yyyy-mm-dd';

/**
 * The "format seed": every number format a workbook of these sheet layouts can use, in a fixed order (the default
 * date format first, then each sheet's formats by column). SheetJS numbers cell styles in the order formats are first
 * met in one write, so every write that starts with a sheet holding one cell per seed format (in this order) gives
 * the same style indexes, and a part's sheet XML is valid inside the shell's styles.
 */
export function formatSeed(layouts: readonly Pick<SheetSpec, 'numFmts'>[]): string[] {
  const seed = [DEFAULT_DATE_FORMAT];
  for (const layout of layouts) {
    const fmts = layout.numFmts ?? {};
    const columns = Object.keys(fmts).map(Number).sort((a, b) => a - b);
    for (const c of columns) {
      const z = fmts[c];
      if (z && z !== 'General' && !seed.includes(z)) seed.push(z);
    }
  }
  return seed;
}

/** Thrown when parts cannot be assembled faithfully; callers fall back to writing the workbook in one call. */
export class PartRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PartRefused';
  }
}

/** One stored zip entry, still compressed. */
export interface ZipEntry {
  name: string;
  versionNeeded: number;
  /** General purpose flags (bit 3, data descriptor, is cleared when written: sizes go in the headers). */
  flags: number;
  method: number;
  dosTime: number;
  dosDate: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  /** The entry's compressed bytes (a view into the source archive). */
  data: Uint8Array;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;

function put16(b: Uint8Array, at: number, v: number): void {
  b[at] = v & 0xff;
  b[at + 1] = (v >>> 8) & 0xff;
}
function put32(b: Uint8Array, at: number, v: number): void {
  b[at] = v & 0xff;
  b[at + 1] = (v >>> 8) & 0xff;
  b[at + 2] = (v >>> 16) & 0xff;
  b[at + 3] = (v >>> 24) & 0xff;
}

let crcTable: Int32Array | null = null;

/** The zip CRC-32 of bytes: what an entry's header holds after its content was changed (a frozen pane added). */
export function crc32(bytes: Uint8Array): number {
  const table = (crcTable ??= Int32Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c;
  }));
  let c = -1;
  for (let i = 0; i < bytes.length; i++) c = (c >>> 8) ^ table[(c ^ bytes[i]!) & 0xff]!;
  return (c ^ -1) >>> 0;
}

/** The entries of a zip archive, read through its central directory. Throws `PartRefused` on anything unexpected. */
export function readZipEntries(bytes: Uint8Array): ZipEntry[] {
  const dir = readZipDirectory(bytes);
  if (!dir.ok) throw new PartRefused(dir.problem === 'no-directory' ? 'not a zip archive' : `bad zip archive (${dir.problem}${dir.name ? ` at ${dir.name}` : ''})`);
  return dir.entries.map((e): ZipEntry => {
    if (!e.asciiName) throw new PartRefused('a zip entry name is not ASCII');
    if (e.flags & 1) throw new PartRefused('encrypted zip entry');
    if (e.dataStart + e.compressedSize > dir.directoryOffset) throw new PartRefused(`entry ${e.name} runs past the archive`);
    return {
      name: e.name, versionNeeded: e.versionNeeded, flags: e.flags, method: e.method, dosTime: e.dosTime, dosDate: e.dosDate, crc32: e.crc32,
      compressedSize: e.compressedSize, uncompressedSize: e.uncompressedSize, data: bytes.subarray(e.dataStart, e.dataStart + e.compressedSize),
    };
  });
}

/** A zip archive of these entries, in this order (no extra fields, no comments, no data descriptors). */
export function writeZip(entries: readonly ZipEntry[]): Uint8Array {
  return joinFileBytes(writeZipParts(entries));
}

/**
 * The same archive as writeZip, as pieces to be written one after another: each entry's header, its data as the view
 * it came as (not copied), and the central directory. A page hands these to the file save as they are: joining a
 * 15 MB workbook on its thread was a task of 145–156 ms (export-50k, session 17).
 */
export function writeZipParts(entries: readonly ZipEntry[]): Uint8Array[] {
  let size = 22;
  for (const e of entries) size += 30 + 46 + 2 * e.name.length + e.data.length;
  if (size > 0xffffffff || entries.length >= 0xffff) throw new PartRefused('the workbook would need zip64');
  const pieces: Uint8Array[] = [];
  const offsets: number[] = [];
  let offset = 0;
  /** Writes a local or central header's fixed fields into `out` at `at` (a central one starts with its "made by"). */
  const header = (out: Uint8Array, at: number, e: ZipEntry, central: boolean): number => {
    const flags = e.flags & ~8;
    if (central) {
      put32(out, at, SIG_CENTRAL);
      put16(out, at + 4, 20);
      at += 2;
    } else {
      put32(out, at, SIG_LOCAL);
    }
    put16(out, at + 4, e.versionNeeded);
    put16(out, at + 6, flags);
    put16(out, at + 8, e.method);
    put16(out, at + 10, e.dosTime);
    put16(out, at + 12, e.dosDate);
    put32(out, at + 14, e.crc32);
    put32(out, at + 18, e.compressedSize);
    put32(out, at + 22, e.uncompressedSize);
    put16(out, at + 26, e.name.length);
    put16(out, at + 28, 0);
    return at + 30;
  };
  const name = (out: Uint8Array, at: number, e: ZipEntry): number => {
    for (let i = 0; i < e.name.length; i++) out[at + i] = e.name.charCodeAt(i);
    return at + e.name.length;
  };
  for (const e of entries) {
    offsets.push(offset);
    const local = new Uint8Array(30 + e.name.length);
    name(local, header(local, 0, e, false), e);
    pieces.push(local, e.data);
    offset += local.length + e.data.length;
  }
  const cdStart = offset;
  const directory = new Uint8Array(entries.reduce((n, e) => n + 46 + e.name.length, 22));
  let at = 0;
  entries.forEach((e, i) => {
    at = header(directory, at, e, true);
    // After the shared fields: comment length, disk number, internal and external attributes, local header offset.
    put16(directory, at, 0);
    put16(directory, at + 2, 0);
    put16(directory, at + 4, 0);
    put32(directory, at + 6, 0);
    put32(directory, at + 10, offsets[i]!);
    at = name(directory, at + 14, e);
  });
  const cdSize = at;
  put32(directory, at, SIG_EOCD);
  put16(directory, at + 4, 0);
  put16(directory, at + 6, 0);
  put16(directory, at + 8, entries.length);
  put16(directory, at + 10, entries.length);
  put32(directory, at + 12, cdSize);
  put32(directory, at + 16, cdStart);
  put16(directory, at + 20, 0);
  pieces.push(directory);
  return pieces;
}

/** Entries every SheetJS xlsx write holds besides the worksheets; anything else (shared strings, comments, a sheet's
 * relationships, drawings) would tie a sheet to files the shell does not carry. */
const WORKBOOK_ENTRIES = new Set([
  '[Content_Types].xml',
  '_rels/.rels',
  'docProps/core.xml',
  'docProps/app.xml',
  'docProps/custom.xml',
  'xl/workbook.xml',
  'xl/_rels/workbook.xml.rels',
  'xl/theme/theme1.xml',
  'xl/styles.xml',
  'xl/metadata.xml',
]);

const SHEET_ENTRY = /^xl\/worksheets\/sheet(\d+)\.xml$/;

/** Checks that an archive holds only workbook entries and exactly `sheets` worksheets, numbered 1..sheets. */
function checkEntries(entries: readonly ZipEntry[], sheets: number, what: string): Map<string, ZipEntry> {
  const byName = new Map<string, ZipEntry>();
  for (const e of entries) {
    if (byName.has(e.name)) throw new PartRefused(`${what} holds ${e.name} twice`);
    byName.set(e.name, e);
    const sheet = SHEET_ENTRY.exec(e.name);
    if (sheet) {
      const k = Number(sheet[1]);
      if (k < 1 || k > sheets || sheet[1] !== String(k)) throw new PartRefused(`${what} holds an unexpected worksheet ${e.name}`);
    } else if (!WORKBOOK_ENTRIES.has(e.name)) {
      throw new PartRefused(`${what} holds ${e.name}, which the assembled workbook would not carry`);
    }
    if (e.method !== 0 && e.method !== 8) throw new PartRefused(`${what}: ${e.name} uses compression method ${e.method}`);
  }
  for (let k = 1; k <= sheets; k++) if (!byName.has(`xl/worksheets/sheet${k}.xml`)) throw new PartRefused(`${what} has no worksheet ${k}`);
  return byName;
}

/**
 * One xlsx file from a shell and its parts: the shell is the workbook with every final sheet (names, order, hidden
 * flags, styles from the format seed) and placeholder worksheets; part K is a two-sheet workbook [seed, sheet K] written
 * with the same seed. Worksheet K of the result is part K's second worksheet, copied still compressed; everything
 * else is the shell's. Throws `PartRefused` when a part or the shell holds anything the result would not carry. The
 * file comes as pieces (writeZipParts), its entries' data still views into the parts.
 */
export function assembleWorkbook(shell: Uint8Array, parts: readonly Uint8Array[]): Uint8Array[] {
  if (!parts.length) throw new PartRefused('no parts');
  const shellEntries = readZipEntries(shell);
  checkEntries(shellEntries, parts.length, 'the shell');
  const sheetXml = parts.map((bytes, i) => {
    const entries = checkEntries(readZipEntries(bytes), 2, `part ${i + 1}`);
    return entries.get('xl/worksheets/sheet2.xml')!;
  });
  const out = shellEntries.map((e): ZipEntry => {
    const sheet = SHEET_ENTRY.exec(e.name);
    return sheet ? { ...sheetXml[Number(sheet[1]) - 1]!, name: e.name } : e;
  });
  return writeZipParts(out);
}
