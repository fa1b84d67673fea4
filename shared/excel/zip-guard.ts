// Refuses oversized files and zip bombs BEFORE anything is inflated: xlsx/ods files are zip archives, and SheetJS would
// inflate every entry. We read the zip central directory ourselves (pure TS, no inflating) and compare the declared
// sizes and compression ratios against limits. The import Worker is the second line of defence (it can be terminated).

export interface FileLimits {
  /** Largest file accepted, bytes. */
  maxFileBytes: number;
  /** Largest declared uncompressed size of one zip entry, bytes. */
  maxEntryBytes: number;
  /** Largest declared uncompressed size of all entries together, bytes. */
  maxTotalBytes: number;
  /** Largest uncompressed/compressed ratio of an entry bigger than `ratioFloorBytes`. */
  maxRatio: number;
  /** Entries smaller than this (uncompressed) are not ratio-checked: tiny XML parts legitimately compress very well. */
  ratioFloorBytes: number;
  /** Most entries in one archive. */
  maxEntries: number;
}

/**
 * Defaults sized for a 50,000-project workbook (a few tens of MB unzipped) with a wide margin, while a deflate bomb
 * (ratios near 1000:1) is refused. Real sheet XML compresses 5–30:1; shared strings of repetitive text up to ~100:1.
 */
export const DEFAULT_FILE_LIMITS: FileLimits = {
  maxFileBytes: 64 * 1024 * 1024,
  maxEntryBytes: 512 * 1024 * 1024,
  maxTotalBytes: 1024 * 1024 * 1024,
  maxRatio: 200,
  ratioFloorBytes: 1024 * 1024,
  maxEntries: 10_000,
};

export interface ZipEntryInfo {
  /** Entry name bytes decoded as UTF-8/ASCII (for messages only). */
  name: string;
  compressedBytes: number;
  uncompressedBytes: number;
  method: number;
}

export type GuardResult = { ok: true; kind: 'zip' | 'other'; entries: ZipEntryInfo[] } | { ok: false; code: GuardRefusal; message: string; messageJa: string };

export type GuardRefusal = 'too-large' | 'empty' | 'bad-zip' | 'zip64' | 'too-many-entries' | 'entry-too-large' | 'total-too-large' | 'ratio';

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;

function mb(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
}

function refuse(code: GuardRefusal, message: string, messageJa: string): GuardResult {
  return { ok: false, code, message, messageJa };
}

/** Decodes an entry name for messages; non-ASCII bytes become '?' (names are never used as keys or paths). */
function asciiName(bytes: Uint8Array, start: number, length: number): string {
  let s = '';
  for (let i = start; i < start + length && i < bytes.length && s.length < 200; i++) {
    const b = bytes[i]!;
    s += b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '?';
  }
  return s;
}

/**
 * Checks file bytes before any parser sees them. Non-zip inputs (legacy .xls, .csv) are only size-checked.
 * For a zip: finds the end-of-central-directory record, walks every central header and refuses when an entry's
 * declared uncompressed size, the total, or the ratio to its compressed size is out of proportion, or when the
 * directory is malformed (entries pointing outside the file, local headers disagreeing with the directory).
 */
export function guardWorkbookBytes(bytes: Uint8Array, limits: FileLimits = DEFAULT_FILE_LIMITS): GuardResult {
  if (bytes.length === 0) return refuse('empty', 'The file is empty.', 'ファイルが空です。');
  if (bytes.length > limits.maxFileBytes) {
    return refuse(
      'too-large',
      `The file is ${mb(bytes.length)}; files over ${mb(limits.maxFileBytes)} are not read.`,
      `ファイルが大きすぎます（${mb(bytes.length)}）。${mb(limits.maxFileBytes)}までのファイルを読み込めます。`,
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const isZip = bytes.length >= 4 && view.getUint32(0, true) === SIG_LOCAL;
  if (!isZip) return { ok: true, kind: 'other', entries: [] };

  // The EOCD record is 22 bytes plus a comment of up to 65535 bytes, at the very end.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === SIG_EOCD) {
      eocd = i;
      break;
    }
  }
  const bad = (why: string) => refuse('bad-zip', `The file is not a readable Excel workbook (${why}).`, `Excel ブックとして読み込めないファイルです（${why}）。`);
  if (eocd < 0) return bad('no zip directory');
  const totalEntries = view.getUint16(eocd + 10, true);
  const cdSize = view.getUint32(eocd + 12, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  if (totalEntries === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    return refuse('zip64', 'The workbook uses a ZIP64 archive, which is only needed for files far beyond the size limit.', 'ZIP64 形式のブックは読み込めません（上限を大きく超えるファイルです）。');
  }
  if (totalEntries > limits.maxEntries) {
    return refuse('too-many-entries', `The workbook holds ${totalEntries} parts; at most ${limits.maxEntries} are read.`, `ブック内の部品が多すぎます（${totalEntries}個、上限${limits.maxEntries}個）。`);
  }
  if (cdOffset + cdSize > eocd) return bad('directory outside the file');

  const entries: ZipEntryInfo[] = [];
  let total = 0;
  let p = cdOffset;
  for (let n = 0; n < totalEntries; n++) {
    if (p + 46 > eocd || view.getUint32(p, true) !== SIG_CENTRAL) return bad('broken directory entry');
    const method = view.getUint16(p + 10, true);
    const compressed = view.getUint32(p + 20, true);
    const uncompressed = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const localOffset = view.getUint32(p + 42, true);
    const name = asciiName(bytes, p + 46, nameLen);
    if (compressed === 0xffffffff || uncompressed === 0xffffffff || localOffset === 0xffffffff) {
      return refuse('zip64', `The part ${name} uses ZIP64 sizes, which only files far beyond the size limit need.`, `ZIP64 形式の部品（${name}）を含むブックは読み込めません。`);
    }
    // The local header must exist, and its data must fit in the file.
    if (localOffset + 30 > bytes.length || view.getUint32(localOffset, true) !== SIG_LOCAL) return bad(`missing part ${name}`);
    const localNameLen = view.getUint16(localOffset + 26, true);
    const localExtraLen = view.getUint16(localOffset + 28, true);
    const dataStart = localOffset + 30 + localNameLen + localExtraLen;
    if (dataStart + compressed > bytes.length) return bad(`part ${name} runs past the end of the file`);
    const flags = view.getUint16(localOffset + 6, true);
    if ((flags & 0x08) === 0) {
      // Without a data descriptor the local header repeats the sizes; a mismatch is how bombs hide their real size.
      const localCompressed = view.getUint32(localOffset + 18, true);
      const localUncompressed = view.getUint32(localOffset + 22, true);
      if (localCompressed !== compressed || localUncompressed !== uncompressed) return bad(`part ${name} declares two different sizes`);
    }
    if (method === 0 && compressed !== uncompressed) return bad(`stored part ${name} has inconsistent sizes`);
    if (uncompressed > limits.maxEntryBytes) {
      return refuse(
        'entry-too-large',
        `The part ${name} would unpack to ${mb(uncompressed)} (limit ${mb(limits.maxEntryBytes)}); the file was not opened.`,
        `ブック内の部品（${name}）が展開すると${mb(uncompressed)}になるため、開きませんでした（上限${mb(limits.maxEntryBytes)}）。`,
      );
    }
    if (uncompressed >= limits.ratioFloorBytes && uncompressed / Math.max(1, compressed) > limits.maxRatio) {
      const ratio = Math.round(uncompressed / Math.max(1, compressed));
      return refuse(
        'ratio',
        `The part ${name} claims to unpack ${ratio} times larger than it is stored (limit ${limits.maxRatio}); this looks like a zip bomb, so the file was not opened.`,
        `ブック内の部品（${name}）の圧縮率が異常です（${ratio}倍、上限${limits.maxRatio}倍）。安全のため開きませんでした。`,
      );
    }
    total += uncompressed;
    if (total > limits.maxTotalBytes) {
      return refuse('total-too-large', `The workbook would unpack to more than ${mb(limits.maxTotalBytes)}; the file was not opened.`, `ブックを展開すると${mb(limits.maxTotalBytes)}を超えるため、開きませんでした。`);
    }
    entries.push({ name, compressedBytes: compressed, uncompressedBytes: uncompressed, method });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return { ok: true, kind: 'zip', entries };
}
