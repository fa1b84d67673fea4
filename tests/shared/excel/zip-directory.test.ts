// The one central-directory reader: entries of a real xlsx, and the ways a directory can be broken.
import { describe, expect, it } from 'vitest';
import { writeWorkbookBytes } from '../../../shared/excel/sheetjs';
import { readZipDirectory, startsAsZip } from '../../../shared/excel/zip-directory';

describe('readZipDirectory', () => {
  const xlsx = writeWorkbookBytes([{ name: 'S', rows: [['a', 1]] }]);

  it('lists the entries of a workbook with their sizes and data offsets', () => {
    expect(startsAsZip(xlsx)).toBe(true);
    const dir = readZipDirectory(xlsx);
    expect(dir.ok && dir.entries.some((e) => e.name === 'xl/worksheets/sheet1.xml' && e.asciiName && e.dataStart > e.localOffset)).toBe(true);
  });

  it('reports a missing directory, too many entries and a truncated archive', () => {
    expect(readZipDirectory(new Uint8Array(40))).toEqual({ ok: false, problem: 'no-directory' });
    expect(readZipDirectory(xlsx, 2)).toMatchObject({ ok: false, problem: 'too-many-entries' });
    const cut = xlsx.slice(0, xlsx.length - 30);
    expect(readZipDirectory(cut).ok).toBe(false);
  });
});
