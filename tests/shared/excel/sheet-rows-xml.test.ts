// The rows of big sheets are written by sheet-rows-xml.ts instead of SheetJS's cell loop: every workbook must come out
// byte for byte as SheetJS alone writes it (each zip entry's content), over a corpus of awkward text, numbers, dates,
// formats and layouts; and whatever the writer cannot match (or a sample that differs) falls back to SheetJS.
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { BUILTIN_CATALOG } from '../../../shared/catalog/builtin';
import { writeSheetPart, writeWorkbookBytes } from '../../../shared/excel/sheetjs';
import type { Cell, SheetSpec } from '../../../shared/excel/sheetjs';
import { columnLetters, RowsNotWritten, SheetRowsWriter, spliceRows, styleRegistration } from '../../../shared/excel/sheet-rows-xml';
import { standardWorkbookSheets } from '../../../shared/excel/standard-workbook';
import { DEFAULT_DATE_FORMAT, formatSeed, readZipEntries } from '../../../shared/excel/xlsx-parts';
import { messyOfficeSheets } from './fixtures';

/** Every zip entry's content, inflated. */
function contents(bytes: Uint8Array): Map<string, string> {
  return new Map(readZipEntries(bytes).map((e) => [e.name, (e.method === 8 ? inflateRawSync(e.data) : Buffer.from(e.data)).toString('latin1')]));
}

const SHEETJS_ONLY = { fastRowsMinCells: Infinity };
const ROWS_WRITER = { fastRowsMinCells: 0, onFallback: (reason: string) => expect.fail(`SheetJS wrote it alone: ${reason}`) };

/** Same bytes both ways, and the rows writer was used (its own checks, on failing, would fall back to SheetJS silently). */
function expectSameWorkbook(sheets: SheetSpec[], fallback: RegExp | null = null): void {
  const reasons: string[] = [];
  const ours = writeWorkbookBytes(sheets, { fastRowsMinCells: 0, onFallback: (r) => reasons.push(r) });
  expect(contents(ours)).toEqual(contents(writeWorkbookBytes(sheets, SHEETJS_ONLY)));
  if (fallback) expect(reasons.join()).toMatch(fallback);
  else expect(reasons).toEqual([]);
}

/** A small deterministic generator (mulberry32), so a failure names a reproducible corpus. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Text pieces offices' sheets really hold, and the characters XML and SheetJS treat specially. */
const PIECES = [
  '脳神経科学統合プログラム', 'AMED-2025-001', '中間評価', '令和7年度', ' ', '\u3000', '\t', '\n', '\r\n', '&', '<', '>', '"', "'",
  '\u0000', '\u0001', '\u0008', '\u001f', '\u000b', '\uFFFE', '\uFFFF', '😀', '①', 'ｶﾀｶﾅ', '株式会社', '=SUM(A1)', '_x0041_', ']]>', '\u00a0', '',
];

function randomText(next: () => number): string {
  let s = '';
  const n = Math.floor(next() * 5);
  for (let i = 0; i < n; i++) s += PIECES[Math.floor(next() * PIECES.length)]!;
  return s;
}

function randomCell(next: () => number): Cell {
  const k = next();
  if (k < 0.12) return null;
  if (k < 0.45) return randomText(next);
  if (k < 0.6) return Math.round((next() - 0.3) * 1e9);
  if (k < 0.7) return (next() - 0.5) * 10 ** Math.floor(next() * 40 - 20);
  if (k < 0.75) return next() < 0.5;
  if (k < 0.85) return { kind: 'date', iso: `${1990 + Math.floor(next() * 60)}-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}` };
  return [0, -0, 1e21, 1e-7, 0.1 + 0.2, -1.5, 2 ** 53][Math.floor(next() * 7)]!;
}

function randomSheet(next: () => number, name: string): SheetSpec {
  const rows: Cell[][] = [];
  const n = 1 + Math.floor(next() * 120);
  for (let r = 0; r < n; r++) {
    // Ragged rows, and now and then an empty one (SheetJS writes no <row> for it) or one of nulls (an empty <row>).
    const width = next() < 0.05 ? 0 : Math.floor(next() * 9);
    rows.push(next() < 0.03 ? Array.from({ length: width }, () => null) : Array.from({ length: width }, () => randomCell(next)));
  }
  const formats = ['#,##0"円"', '#,##0', '0.0%', 'yyyy-mm-dd', 'ge.m.d', 'General', '0'];
  const numFmts: Record<number, string> = {};
  for (let c = 0; c < 9; c++) if (next() < 0.3) numFmts[c] = formats[Math.floor(next() * formats.length)]!;
  return { name, rows, numFmts, freezeRows: next() < 0.3 ? 1 + Math.floor(next() * 2) : 0, colWidths: next() < 0.5 ? [10, 20, 30] : undefined, hidden: next() < 0.1 };
}

describe('big sheets written by SheetRowsWriter', () => {
  it('give the bytes SheetJS alone writes, over a corpus of random awkward sheets', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const next = random(seed);
      const sheets = Array.from({ length: 1 + Math.floor(next() * 4) }, (_, i) => randomSheet(next, `シート${i + 1}`));
      expectSameWorkbook(sheets);
    }
  });

  it('give the bytes SheetJS writes for the standard workbook and the messy office sheets', () => {
    const programs = BUILTIN_CATALOG.programs;
    const projects = Array.from({ length: 60 }, (_, i) => ({
      id: `p${i}`, code: `P-${i}`, title: `課題 & <${i}>`, piName: i % 2 ? '山田 太郎' : ' 佐藤\n花子', department: '医学研究科', programId: programs[i % programs.length]!.id,
      trackId: null, status: 'active' as const, startDate: '2024-04-01', endDate: i % 3 ? '2027-03-31' : null, notes: i % 5 ? '' : 'メモ\t付き', tags: [], createdAt: '2025-01-01T00:00:00Z', updatedAt: '2025-01-01T00:00:00Z',
    }));
    for (const lang of ['ja', 'en'] as const) expectSameWorkbook(standardWorkbookSheets({ projects, budgetLines: [], milestones: [], programs, lang } as never));
    expectSameWorkbook(messyOfficeSheets());
  });

  it('give the bytes SheetJS writes for a workbook part (the seed sheet first)', () => {
    const next = random(99);
    const spec = { ...randomSheet(next, 'part'), numFmts: { 0: '#,##0"円"', 2: DEFAULT_DATE_FORMAT } };
    const seed = formatSeed([spec]);
    expect(contents(writeSheetPart(spec, seed, ROWS_WRITER))).toEqual(contents(writeSheetPart(spec, seed, SHEETJS_ONLY)));
  });

  it('fall back to SheetJS for what the writer cannot match: error numbers, lone surrogates', () => {
    expectSameWorkbook([{ name: 'x', rows: [['a', Number.NaN, Infinity], ['b', 1, 2]] }], /not finite/);
    expectSameWorkbook([{ name: 'x', rows: [['a', 'half \uD800 pair'], ['\uDC00', 1]] }], /lone surrogate/);
    const writer = new SheetRowsWriter({}, DEFAULT_DATE_FORMAT, () => 0);
    expect(() => writer.row([Number.NaN], 0)).toThrow(RowsNotWritten);
    expect(() => writer.row(['\uD83D'], 0)).toThrow(RowsNotWritten);
    expect(() => writer.row(['x'.repeat(32768)], 0)).toThrow(RowsNotWritten);
    // Text too long for a cell is refused by the fallback as by SheetJS.
    expect(() => writeWorkbookBytes([{ name: 'x', rows: [['x'.repeat(32768)]] }], { fastRowsMinCells: 0 })).toThrow(/32767/);
  });

  it('refuse a sheet whose sampled rows differ from what SheetJS wrote (a wrong style index here)', () => {
    const rows: Cell[][] = [['見出し', '金額'], ['a', 1000], ['b', 2000]];
    const numFmts = { 1: '#,##0"円"' };
    const sample = contents(writeWorkbookBytes([{ name: 's', rows, numFmts }], SHEETJS_ONLY)).get('xl/worksheets/sheet1.xml')!;
    const bytes = Uint8Array.from(Buffer.from(sample, 'latin1'));
    const right = styleRegistration([{ rows, numFmts }], DEFAULT_DATE_FORMAT);
    expect(() => spliceRows(bytes, [0, 1, 2], rows, new SheetRowsWriter(numFmts, DEFAULT_DATE_FORMAT, right.styleOf))).not.toThrow();
    expect(() => spliceRows(bytes, [0, 1, 2], rows, new SheetRowsWriter(numFmts, DEFAULT_DATE_FORMAT, () => 7))).toThrow(RowsNotWritten);
    expect(() => spliceRows(bytes, [0, 1], rows, new SheetRowsWriter(numFmts, DEFAULT_DATE_FORMAT, right.styleOf))).toThrow(RowsNotWritten);
  });

  it('number styles in the order a write first meets their formats, and name the rows where it does', () => {
    const reg = styleRegistration(
      [
        { rows: [['x', 1, { kind: 'date', iso: '2025-04-01' }]], numFmts: { 1: '#,##0' } },
        { rows: [[1], [2, 3], [true, 'y', 5]], numFmts: { 0: 'General', 1: '0.0', 2: '#,##0' } },
      ],
      DEFAULT_DATE_FORMAT,
    );
    expect([reg.styleOf(undefined), reg.styleOf('General'), reg.styleOf('#,##0'), reg.styleOf(DEFAULT_DATE_FORMAT), reg.styleOf('0.0')]).toEqual([0, 0, 1, 2, 3]);
    expect(reg.firstRows).toEqual([[0], [1]]);
  });

  it('names columns as spreadsheets do', () => {
    expect([0, 25, 26, 51, 52, 701, 702, 16383].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA', 'XFD']);
  });
});
