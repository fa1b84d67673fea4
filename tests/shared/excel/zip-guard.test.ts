// The pre-inflate guard: oversized files and zip entries whose declared sizes are out of proportion are refused
// before SheetJS sees them; ordinary workbooks pass.
import { describe, expect, it } from 'vitest';
import { DEFAULT_FILE_LIMITS, guardWorkbookBytes } from '../../../shared/excel/zip-guard';
import { writeWorkbookBytes } from '../../../shared/excel/sheetjs';
import { loadWorkbook } from '../../../shared/excel/import-pipeline';

function workbook(): Uint8Array {
  return writeWorkbookBytes([{ name: 'S', rows: [['管理番号', '課題名'], ['A-1', 'x']] }]);
}

/** Sets the declared uncompressed size of the first zip entry (central and local headers alike). */
function inflateClaim(bytes: Uint8Array, size: number, local = true): Uint8Array {
  const out = bytes.slice();
  const view = new DataView(out.buffer);
  let eocd = out.length - 22;
  while (view.getUint32(eocd, true) !== 0x06054b50) eocd--;
  const cd = view.getUint32(eocd + 16, true);
  view.setUint32(cd + 24, size, true);
  if (local) view.setUint32(view.getUint32(cd + 42, true) + 22, size, true);
  return out;
}

describe('guardWorkbookBytes', () => {
  it('accepts an ordinary workbook and lists its parts', () => {
    const r = guardWorkbookBytes(workbook());
    expect(r.ok && r.kind).toBe('zip');
    expect(r.ok && r.entries.some((e) => e.name.includes('sheet1.xml'))).toBe(true);
  });
  it('refuses files over the size limit before anything else', () => {
    const r = guardWorkbookBytes(workbook(), { ...DEFAULT_FILE_LIMITS, maxFileBytes: 100 });
    expect(r.ok ? '' : r.code).toBe('too-large');
  });
  it('refuses an entry claiming an absurd compression ratio', () => {
    const r = guardWorkbookBytes(inflateClaim(workbook(), 300 * 1024 * 1024));
    expect(r.ok ? '' : r.code).toBe('ratio');
  });
  it('refuses an entry larger than the per-entry limit', () => {
    const r = guardWorkbookBytes(inflateClaim(workbook(), 0xffffffff));
    expect(r.ok ? '' : r.code).toBe('zip64');
    const r2 = guardWorkbookBytes(inflateClaim(workbook(), 600 * 1024 * 1024));
    expect(r2.ok ? '' : r2.code).toBe('entry-too-large');
  });
  it('refuses a local header that disagrees with the directory (a hidden size)', () => {
    const r = guardWorkbookBytes(inflateClaim(workbook(), 1234, false));
    expect(r.ok ? '' : r.code).toBe('bad-zip');
  });
  it('refuses a truncated zip and an empty file', () => {
    const wb = workbook();
    expect(guardWorkbookBytes(wb.slice(0, wb.length - 30)).ok).toBe(false);
    expect(guardWorkbookBytes(new Uint8Array()).ok).toBe(false);
  });
  it('lets non-zip input (csv) through to the reader', () => {
    const csv = new TextEncoder().encode('管理番号,課題名\nA-1,x\n');
    expect(guardWorkbookBytes(csv)).toMatchObject({ ok: true, kind: 'other' });
  });
  it('is what loadWorkbook runs first: a refusal never reaches SheetJS', () => {
    const r = loadWorkbook(inflateClaim(workbook(), 300 * 1024 * 1024));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.refused).toBe(true);
    expect(!r.ok && r.message.ja).toContain('圧縮率');
  });
});
