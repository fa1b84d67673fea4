// The one reader of a zip archive's central directory (xlsx and ods files are zips). The import's guard reads it to
// refuse zip bombs before anything is inflated; the export's part assembler reads it to re-pack SheetJS's own
// entries. Pure TypeScript over bytes: no inflating, no library.

export interface ZipDirectoryEntry {
  /** Entry name; bytes outside printable ASCII are shown as '?' (see `asciiName`). */
  name: string;
  /** Every byte of the name was printable ASCII. */
  asciiName: boolean;
  versionNeeded: number;
  /** General purpose flags as the central directory gives them (bit 0 encrypted, bit 3 data descriptor). */
  flags: number;
  /** The same flags as the local header gives them. */
  localFlags: number;
  method: number;
  dosTime: number;
  dosDate: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  /** Sizes the local header repeats (meaningful only without a data descriptor). */
  localCompressedSize: number;
  localUncompressedSize: number;
  localOffset: number;
  /** Where the entry's compressed bytes start. */
  dataStart: number;
}

export type ZipDirectoryProblem = 'no-directory' | 'zip64' | 'too-many-entries' | 'directory-outside' | 'broken-entry' | 'missing-local' | 'past-end';

export type ZipDirectory =
  | { ok: true; entries: ZipDirectoryEntry[]; directoryOffset: number; declaredEntries: number }
  | { ok: false; problem: ZipDirectoryProblem; name?: string; declaredEntries?: number };

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;

const u16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number) => (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;

/** True when the bytes start with a zip local header. */
export function startsAsZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && u32(bytes, 0) === SIG_LOCAL;
}

function readName(bytes: Uint8Array, start: number, length: number): { name: string; ascii: boolean } {
  let name = '';
  let ascii = true;
  for (let i = start; i < start + length && i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0x20 || b >= 0x7f) ascii = false;
    if (name.length < 200) name += b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '?';
  }
  return { name, ascii };
}

/**
 * Every entry of the central directory, with its local header's position checked (it must exist and its data fit in
 * the file). Fails on ZIP64 (never needed below the size limits), more than `maxEntries` entries, or a malformed
 * directory.
 */
export function readZipDirectory(bytes: Uint8Array, maxEntries = 0xffff): ZipDirectory {
  // The end-of-central-directory record is 22 bytes plus a comment of up to 65535 bytes, at the very end.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (u32(bytes, i) === SIG_EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return { ok: false, problem: 'no-directory' };
  const count = u16(bytes, eocd + 10);
  const cdSize = u32(bytes, eocd + 12);
  const cdOffset = u32(bytes, eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) return { ok: false, problem: 'zip64' };
  if (count > maxEntries) return { ok: false, problem: 'too-many-entries', declaredEntries: count };
  if (cdOffset + cdSize > eocd) return { ok: false, problem: 'directory-outside' };
  const entries: ZipDirectoryEntry[] = [];
  let at = cdOffset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > eocd || u32(bytes, at) !== SIG_CENTRAL) return { ok: false, problem: 'broken-entry' };
    const compressedSize = u32(bytes, at + 20);
    const uncompressedSize = u32(bytes, at + 24);
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const commentLength = u16(bytes, at + 32);
    const localOffset = u32(bytes, at + 42);
    const { name, ascii } = readName(bytes, at + 46, nameLength);
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff || localOffset === 0xffffffff) return { ok: false, problem: 'zip64', name };
    if (localOffset + 30 > bytes.length || u32(bytes, localOffset) !== SIG_LOCAL) return { ok: false, problem: 'missing-local', name };
    const dataStart = localOffset + 30 + u16(bytes, localOffset + 26) + u16(bytes, localOffset + 28);
    if (dataStart + compressedSize > bytes.length) return { ok: false, problem: 'past-end', name };
    entries.push({
      name, asciiName: ascii, versionNeeded: u16(bytes, at + 6), flags: u16(bytes, at + 8), localFlags: u16(bytes, localOffset + 6),
      method: u16(bytes, at + 10), dosTime: u16(bytes, at + 12), dosDate: u16(bytes, at + 14), crc32: u32(bytes, at + 16), compressedSize,
      uncompressedSize, localCompressedSize: u32(bytes, localOffset + 18), localUncompressedSize: u32(bytes, localOffset + 22), localOffset, dataStart,
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return { ok: true, entries, directoryOffset: cdOffset, declaredEntries: count };
}
