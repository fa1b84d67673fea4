// A workbook in the 1904 date system (some Mac workbooks): its date cells are read from the serial in that system.
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { serialToIso } from '../../../shared/excel/excel-serial';
import { readWorkbookGrids, writeWorkbookBytes } from '../../../shared/excel/sheetjs';
import { readZipEntries, writeZip } from '../../../shared/excel/xlsx-parts';

/** The same workbook with `date1904="1"` set on its workbookPr (the entry re-deflated, its CRC and sizes updated). */
function as1904(bytes: Uint8Array): Uint8Array {
  const entries = readZipEntries(bytes).map((e) => {
    if (e.name !== 'xl/workbook.xml') return e;
    const xml = new TextDecoder().decode(e.method === 8 ? inflateRawSync(e.data) : e.data);
    const changed = /<workbookPr\b/.test(xml) ? xml.replace(/<workbookPr\b/, '<workbookPr date1904="1"') : xml.replace(/<sheets>/, '<workbookPr date1904="1"/><sheets>');
    const raw = new TextEncoder().encode(changed);
    const data = new Uint8Array(deflateRawSync(raw));
    return { ...e, method: 8, crc32: crc32(raw), compressedSize: data.length, uncompressedSize: raw.length, data };
  });
  return writeZip(entries);
}

describe('1904 date system', () => {
  it('reads a date cell by the workbook date system', () => {
    const bytes = writeWorkbookBytes([{ name: 'S', rows: [['開始日'], [45748]], numFmts: { 0: 'yyyy-mm-dd' } }]);
    expect(readWorkbookGrids(bytes).sheets[0]!.rows[1]![0]).toEqual({ kind: 'date', iso: '2025-04-01' });
    const cell = readWorkbookGrids(as1904(bytes)).sheets[0]!.rows[1]![0];
    expect(cell).toEqual({ kind: 'date', iso: serialToIso(45748, true) });
    expect(serialToIso(45748, true)).toBe('2029-04-02');
  });
});
