// A big xlsx read in two shares (two Workers at once) must give exactly what one read gives: same sheets in the same
// order, same cells, merges, hidden flags and truncation, whichever share is missing or mismatched.
import { describe, expect, it } from 'vitest';
import { joinWorkbookShares, loadWorkbook, planReadSplit, planWorkbookRead, readWorkbookShare, SPLIT_MIN_BYTES } from '../../../shared/excel/import-pipeline';
import type { LoadResult, PipelineLimits } from '../../../shared/excel/import-pipeline';
import { DEFAULT_READ_LIMITS, writeWorkbookBytes } from '../../../shared/excel/sheetjs';
import type { SheetGridsRead, SheetSpec } from '../../../shared/excel/sheetjs';
import { DEFAULT_FILE_LIMITS } from '../../../shared/excel/zip-guard';
import type { ZipEntryInfo } from '../../../shared/excel/zip-guard';
import { messyOfficeSheets } from './fixtures';

function sheets(): SheetSpec[] {
  const extra: SheetSpec = { name: 'Lookup', hidden: true, rows: [['a', 1, { kind: 'date', iso: '2025-04-01' }], [null, true, 'x']], numFmts: { 2: 'yyyy-mm-dd' }, merges: [{ s: { r: 1, c: 0 }, e: { r: 1, c: 1 } }] };
  return [...messyOfficeSheets(), extra];
}

const bytes = writeWorkbookBytes(sheets());
const whole = loadWorkbook(bytes);

function share(indexes: number[], limits?: PipelineLimits): SheetGridsRead {
  const r = readWorkbookShare(bytes, indexes, limits);
  if (!r.ok) throw new Error(r.message.en);
  return r.read;
}

const workbookOf = (r: LoadResult) => (r.ok ? r.workbook : r.message);

describe('reading a workbook in shares', () => {
  it('reads only the asked sheets, naming them all', () => {
    const read = share([2]);
    expect(read.names).toHaveLength(3);
    expect(read.grids.map((g) => g?.name ?? null)).toEqual([null, null, 'Lookup']);
  });

  it('joins the two shares into what one read gives', () => {
    expect(whole.ok).toBe(true);
    expect(workbookOf(joinWorkbookShares(bytes, share([0, 1]), share([2])))).toEqual(workbookOf(whole));
  });

  it('reads a share itself when the helper failed or read another workbook', () => {
    expect(workbookOf(joinWorkbookShares(bytes, share([0, 1]), null))).toEqual(workbookOf(whole));
    const other = readWorkbookShare(writeWorkbookBytes([{ name: 'Other', rows: [['z']] }, { name: 'B', rows: [['b']] }, { name: 'C', rows: [['c']] }]), [2]);
    expect(other.ok && workbookOf(joinWorkbookShares(bytes, share([0, 1]), other.read))).toEqual(workbookOf(whole));
  });

  it('keeps the truncation flag of either share', () => {
    const limits: PipelineLimits = { file: DEFAULT_FILE_LIMITS, read: { ...DEFAULT_READ_LIMITS, maxRows: 1 } };
    const one = loadWorkbook(bytes, limits);
    expect(one.ok && one.workbook.truncated).toBe(true);
    expect(workbookOf(joinWorkbookShares(bytes, share([0, 1], limits), share([2], limits), limits))).toEqual(workbookOf(one));
    expect(workbookOf(joinWorkbookShares(bytes, share([0], limits), null, limits))).toEqual(workbookOf(one));
  });

  it('fails an unreadable share as loadWorkbook does', () => {
    const junk = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
    const r = readWorkbookShare(junk, [0]);
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.message.en).toMatch(/^The file could not be read as a workbook/);
  });
});

describe('planning the split', () => {
  const entry = (name: string, mb: number): ZipEntryInfo => ({ name, compressedBytes: 1, uncompressedBytes: mb * 1024 * 1024, method: 8 });

  it('gives the last worksheet to the helper when the sheets are big', () => {
    expect(planReadSplit([entry('xl/workbook.xml', 0), entry('xl/worksheets/sheet1.xml', 12), entry('xl/worksheets/sheet2.xml', 7), entry('xl/worksheets/sheet3.xml', 12)])).toEqual({ lead: [0, 1], helper: [2] });
    // Numbered, not listed, order decides which is last.
    expect(planReadSplit([entry('xl/worksheets/sheet10.xml', 9), entry('xl/worksheets/sheet2.xml', 1), entry('xl/worksheets/sheet1.xml', 1)])).toEqual({ lead: [0, 1], helper: [2] });
  });

  it('reads in one go a small workbook, a single sheet, or a small last sheet', () => {
    expect(SPLIT_MIN_BYTES).toBeGreaterThan(1024 * 1024);
    expect(planReadSplit([entry('xl/worksheets/sheet1.xml', 2), entry('xl/worksheets/sheet2.xml', 2)])).toBeNull();
    expect(planReadSplit([entry('xl/worksheets/sheet1.xml', 40)])).toBeNull();
    expect(planReadSplit([entry('xl/worksheets/sheet1.xml', 40), entry('xl/worksheets/sheet2.xml', 1)])).toBeNull();
  });

  it('guards before planning, and never splits what is not an xlsx', () => {
    expect(planWorkbookRead(new Uint8Array(0))).toMatchObject({ ok: false, refused: true });
    expect(planWorkbookRead(new TextEncoder().encode('a,b\n1,2\n'))).toEqual({ ok: true, split: null });
    expect(planWorkbookRead(bytes)).toEqual({ ok: true, split: null });
  });
});
