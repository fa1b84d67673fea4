// The corpus checked against itself, independently of the importer: each file holds what its expected records say
// (every stated text value is in some cell), is encoded as the layout claims (BOM or not, CP932 or UTF-8), and keeps
// the features it stands for (merges, era date formats, hidden columns, several sheets). A miss in corpus.test.ts is
// then the importer's, not a typo here.
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { readWorkbookGrids } from '../../shared/excel/sheetjs';
import type { Cell } from '../../shared/excel/sheetjs';
import { ERA_LONG, ERA_SHORT } from './cells';
import { CORPUS } from './corpus';
import { kakenCp932, kakenFullText, kakenUtf8 } from './layouts/kaken';
import { normalizeText, projectKey } from './score';

const isCsv = (fileName: string) => fileName.toLowerCase().endsWith('.csv');

/** Every cell of the file as normalised text (CSV decoded by the standard decoders, not the app's). */
function cellTexts(fileName: string, bytes: Uint8Array): string[] {
  if (isCsv(fileName)) {
    const utf8 = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    const text = new TextDecoder(utf8 ? 'utf-8' : looksUtf8(bytes) ? 'utf-8' : 'shift_jis').decode(bytes);
    const wb = XLSX.read(text, { type: 'string', raw: true });
    return wb.SheetNames.flatMap((n) => XLSX.utils.sheet_to_json<string[]>(wb.Sheets[n]!, { header: 1, raw: false }).flat().map((v) => normalizeText(String(v ?? ''))));
  }
  return readWorkbookGrids(bytes).sheets.flatMap((s) => s.rows.flat().map((c: Cell) => (typeof c === 'string' ? normalizeText(c) : typeof c === 'number' ? String(c) : '')));
}

function looksUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

describe('import corpus files', () => {
  it('has at least 15 layouts with unique ids and file names, each with expected projects', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(15);
    expect(new Set(CORPUS.map((l) => l.id)).size).toBe(CORPUS.length);
    expect(new Set(CORPUS.map((l) => l.fileName)).size).toBe(CORPUS.length);
    for (const l of CORPUS) expect(l.expected.projects.length, l.id).toBeGreaterThan(0);
  });

  it.each(CORPUS.map((l) => [l.id, l] as const))('%s: every stated text value is written in the file', (_id, layout) => {
    const cells = cellTexts(layout.fileName, layout.build());
    const present = (value: string) => cells.some((c) => c.includes(normalizeText(value)));
    for (const p of layout.expected.projects) {
      for (const value of [p.code, p.title, p.pi, p.department, p.funderName, p.amedNumber, p.piPosition, p.piResearcherNumber, ...(p.coInvestigators ?? [])]) {
        if (value !== undefined) expect(present(value), `${projectKey(p)}: ${value}`).toBe(true);
      }
    }
    const keys = new Set(layout.expected.projects.map(projectKey));
    for (const b of layout.expected.budgetLines) {
      expect(keys.has(b.project), `budget line of ${b.project}`).toBe(true);
      expect(Number.isInteger(b.directYen) && Number.isInteger(b.indirectYen)).toBe(true);
    }
    for (const p of layout.expected.projects) {
      for (const date of [p.startDate, p.endDate]) if (date !== undefined) expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (p.amedNumber !== undefined) expect(p.amedNumber).toMatch(/^\d{2}[a-z]{2}\d{7}[a-z]\d{4}$/);
      if (p.piResearcherNumber !== undefined) expect(p.piResearcherNumber).toMatch(/^\d{8}$/);
    }
  });

  it('writes the KAKEN export in UTF-8 with a BOM, and the Excel copy in CP932 without one, en dash replaced', () => {
    const utf8 = kakenUtf8.build();
    expect([...utf8.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(utf8.subarray(3))).toBe(kakenFullText());
    const cp932 = kakenCp932.build();
    expect(cp932[0]).toBeGreaterThanOrEqual(0x81);
    expect(looksUtf8(cp932)).toBe(false);
    const text = new TextDecoder('shift_jis').decode(cp932);
    expect(text.startsWith('研究課題名,研究課題/領域番号,研究期間 (年度),')).toBe(true);
    expect(text).toContain('2011-04-01 ? 2014-03-31');
    expect(text).toContain('\r\n');
    expect(text).not.toContain('–');
  });

  it('keeps the features each workbook stands for: merges, era formats, hidden columns, several sheets, .xls, .ods, a hidden sheet', () => {
    const read = (id: string) => XLSX.read(CORPUS.find((l) => l.id === id)!.build(), { type: 'array', cellNF: true, cellStyles: true });
    const era = read('ledger-era-date-cells');
    const ws = era.Sheets[era.SheetNames[0]!]!;
    expect(ws['H5']?.z).toBe(ERA_LONG);
    expect(ws['I5']?.z).toBe(ERA_SHORT);
    expect(ws['!cols']?.[1]?.hidden).toBe(true);
    expect(ws['!merges']?.length).toBeGreaterThan(5);
    expect(read('ledger-per-year-sheets').SheetNames).toEqual(['令和6年度', '令和7年度']);
    const xls = CORPUS.find((l) => l.id === 'ledger-xls-man-yen')!.build();
    expect([...xls.subarray(0, 4)]).toEqual([0xd0, 0xcf, 0x11, 0xe0]);
    expect(readWorkbookGrids(xls).sheets[0]!.rows[3]!.slice(6, 8)).toEqual([{ kind: 'date', iso: '2025-04-01' }, { kind: 'date', iso: '2026-03-31' }]);
    const ods = readWorkbookGrids(CORPUS.find((l) => l.id === 'kakenhi-ods')!.build()).sheets[0]!;
    expect(ods.rows[1]!.slice(0, 2)).toEqual(['基盤研究(B)', '23H01234']);
    expect(readWorkbookGrids(CORPUS.find((l) => l.id === 'ledger-type-sections')!.build()).sheets.map((s) => [s.name, s.hidden])).toEqual([['選択肢', true], ['外部資金一覧', false]]);
    const merged = read('issue-ledger-merged-header');
    expect(merged.Sheets[merged.SheetNames[0]!]!['!merges']?.map((m) => XLSX.utils.encode_range(m))).toEqual(expect.arrayContaining(['C4:D4', 'F4:G4', 'H4:J4']));
  });
});
