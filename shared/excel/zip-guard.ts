// Refuses oversized files and zip bombs BEFORE anything is inflated: xlsx/ods files are zip archives, and SheetJS would
// inflate every entry. We read the zip central directory ourselves (pure TS, no inflating) and compare the declared
// sizes and compression ratios against limits. The import Worker is the second line of defence (it can be terminated).
import type { Bilingual } from '../domain/message';
import { readZipDirectory, startsAsZip } from './zip-directory';

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

export type GuardResult = { ok: true; kind: 'zip' | 'other'; entries: ZipEntryInfo[] } | { ok: false; code: GuardRefusal; message: Bilingual };

export type GuardRefusal = 'too-large' | 'empty' | 'bad-zip' | 'zip64' | 'too-many-entries' | 'entry-too-large' | 'total-too-large' | 'ratio';

function mb(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
}

function refuse(code: GuardRefusal, en: string, ja: string): GuardResult {
  return { ok: false, code, message: { ja, en } };
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
  if (!startsAsZip(bytes)) return { ok: true, kind: 'other', entries: [] };

  const bad = (why: string) => refuse('bad-zip', `The file is not a readable Excel workbook (${why}).`, `Excel ブックとして読み込めないファイルです（${why}）。`);
  const dir = readZipDirectory(bytes, limits.maxEntries);
  if (!dir.ok) {
    const name = dir.name ?? '';
    switch (dir.problem) {
      case 'no-directory':
        return bad('no zip directory');
      case 'zip64':
        return name
          ? refuse('zip64', `The part ${name} uses ZIP64 sizes, which only files far beyond the size limit need.`, `ZIP64 形式の部品（${name}）を含むブックは読み込めません。`)
          : refuse('zip64', 'The workbook uses a ZIP64 archive, which is only needed for files far beyond the size limit.', 'ZIP64 形式のブックは読み込めません（上限を大きく超えるファイルです）。');
      case 'too-many-entries':
        return refuse('too-many-entries', `The workbook holds ${dir.declaredEntries} parts; at most ${limits.maxEntries} are read.`, `ブック内の部品が多すぎます（${dir.declaredEntries}個、上限${limits.maxEntries}個）。`);
      case 'directory-outside':
        return bad('directory outside the file');
      case 'broken-entry':
        return bad('broken directory entry');
      case 'missing-local':
        return bad(`missing part ${name}`);
      case 'past-end':
        return bad(`part ${name} runs past the end of the file`);
    }
  }

  const entries: ZipEntryInfo[] = [];
  let total = 0;
  for (const e of dir.entries) {
    const { name, method } = e;
    const compressed = e.compressedSize;
    const uncompressed = e.uncompressedSize;
    if ((e.localFlags & 0x08) === 0) {
      // Without a data descriptor the local header repeats the sizes; a mismatch is how bombs hide their real size.
      if (e.localCompressedSize !== compressed || e.localUncompressedSize !== uncompressed) return bad(`part ${name} declares two different sizes`);
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
  }
  return { ok: true, kind: 'zip', entries };
}
