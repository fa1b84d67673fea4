// Frozen header rows must reach the file: SheetJS CE does not write panes, so sheetjs.ts adds them. These tests read
// the written sheet XML back with zlib (not SheetJS) for one-call writes and for workbooks assembled from parts.
import { crc32, inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readWorkbookGrids, writeSheetPart, writeWorkbookBytes, writeWorkbookShell } from '../../../shared/excel/sheetjs';
import type { SheetSpec } from '../../../shared/excel/sheetjs';
import { joinFileBytes } from '../../../shared/api/desktop-api';
import { assembleWorkbook, formatSeed, readZipEntries } from '../../../shared/excel/xlsx-parts';

/** The XML of every worksheet, by entry name. */
function sheetXml(bytes: Uint8Array): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readZipEntries(bytes)) {
    if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(e.name)) continue;
    const raw = e.method === 8 ? inflateRawSync(e.data) : Buffer.from(e.data);
    out[e.name] = raw.toString('utf8');
  }
  return out;
}

const specs: SheetSpec[] = [
  { name: 'Projects', rows: [['ID', 'Title'], ['P1', '再生医療の課題'], ['P2', 'b']], freezeRows: 1 },
  { name: 'Notes', rows: [['free'], ['text']] },
  { name: 'Forecast', rows: [['title'], ['h1', 'h2'], [1, 2]], numFmts: { 1: '#,##0' }, freezeRows: 2 },
];

describe('frozen header rows', () => {
  it('are written as a frozen pane in a one-call write, and only on the sheets that ask', () => {
    const xml = sheetXml(writeWorkbookBytes(specs));
    expect(xml['xl/worksheets/sheet1.xml']).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    expect(xml['xl/worksheets/sheet2.xml']).not.toContain('<pane');
    expect(xml['xl/worksheets/sheet3.xml']).toContain('<pane ySplit="2" topLeftCell="A3" activePane="bottomLeft" state="frozen"/>');
    // The pane sits inside the sheet view, which precedes the cells (the schema's order).
    expect(xml['xl/worksheets/sheet1.xml']).toMatch(/<sheetViews><sheetView [^>]*><pane [^>]*\/><selection pane="bottomLeft"\/><\/sheetView><\/sheetViews><sheetData>/);
  });

  it('keep the cells readable', () => {
    const { sheets } = readWorkbookGrids(writeWorkbookBytes(specs));
    expect(sheets.map((s) => s.rows)).toEqual(specs.map((s) => s.rows));
  });

  it('survive the parallel export (shell + parts)', () => {
    const seed = formatSeed(specs);
    const bytes = joinFileBytes(assembleWorkbook(writeWorkbookShell(specs, seed), specs.map((s) => writeSheetPart(s, seed))));
    const xml = sheetXml(bytes);
    expect(xml['xl/worksheets/sheet1.xml']).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    expect(xml['xl/worksheets/sheet2.xml']).not.toContain('<pane');
    expect(xml['xl/worksheets/sheet3.xml']).toContain('<pane ySplit="2"');
    expect(readWorkbookGrids(bytes).sheets.map((s) => s.rows)).toEqual(specs.map((s) => s.rows));
  });

  it('are written in one compressed pass: every entry deflated, with its true CRC and sizes', () => {
    const entries = readZipEntries(writeWorkbookBytes(specs));
    expect(entries.length).toBeGreaterThan(5);
    for (const e of entries) {
      expect(e.method, e.name).toBe(8);
      const raw = inflateRawSync(e.data);
      expect(raw.length, e.name).toBe(e.uncompressedSize);
      expect(crc32(raw) >>> 0, e.name).toBe(e.crc32 >>> 0);
    }
  });

  it('change only the frozen sheets: every other entry is byte for byte what a plain compressed write gives', () => {
    const frozen = new Map(readZipEntries(writeWorkbookBytes(specs)).map((e) => [e.name, e]));
    const plain = readZipEntries(writeWorkbookBytes(specs.map(({ freezeRows: _, ...rest }) => rest)));
    expect([...frozen.keys()].sort()).toEqual(plain.map((e) => e.name).sort());
    for (const p of plain) {
      const f = frozen.get(p.name)!;
      if (p.name === 'xl/worksheets/sheet1.xml' || p.name === 'xl/worksheets/sheet3.xml') {
        expect(Buffer.from(f.data).equals(Buffer.from(p.data)), p.name).toBe(false);
        continue;
      }
      expect(f.crc32, p.name).toBe(p.crc32);
      expect(Buffer.from(f.data).equals(Buffer.from(p.data)), p.name).toBe(true);
    }
  });

  it('keep panes and cells in a big sheet (the cells run far past the sheet view)', () => {
    const rows = [['管理番号', '課題名'], ...Array.from({ length: 3_000 }, (_, i) => [`P-${i}`, `再生医療の課題 ${i}`])];
    const bytes = writeWorkbookBytes([{ name: 'Big', rows, freezeRows: 1 }]);
    expect(sheetXml(bytes)['xl/worksheets/sheet1.xml']).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    expect(readWorkbookGrids(bytes).sheets[0]!.rows).toEqual(rows);
  });

  it('leave a workbook without frozen rows as SheetJS writes it', () => {
    const xml = sheetXml(writeWorkbookBytes([{ name: 'A', rows: [['x']] }]));
    expect(xml['xl/worksheets/sheet1.xml']).toContain('<sheetView workbookViewId="0"/>');
  });
});
