// A workbook assembled from parts written separately (shell + one part per sheet) must be the same workbook as one
// SheetJS write of the same sheets: same cells, types, number formats, widths, merges, hidden flags and names, a valid
// zip (every entry inflates to its declared size and CRC), and the standard workbook must re-import identically.
import { crc32, inflateRawSync } from 'node:zlib';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { BUILTIN_CATALOG } from '../../../shared/catalog/builtin';
import type { Project } from '../../../shared/domain/types';
import { runImportPipeline } from '../../../shared/excel/import-pipeline';
import { recordsFromImport } from '../../../shared/excel/import-records';
import { writeSheetPart, writeWorkbookBytes, writeWorkbookShell } from '../../../shared/excel/sheetjs';
import type { Cell, SheetSpec } from '../../../shared/excel/sheetjs';
import { standardWorkbookSheets, YEN_FORMAT } from '../../../shared/excel/standard-workbook';
import type { WorkbookLanguage } from '../../../shared/excel/standard-workbook';
import { joinFileBytes } from '../../../shared/api/desktop-api';
import { assembleWorkbook, crc32 as zipCrc32, DEFAULT_DATE_FORMAT, formatSeed, PartRefused, readZipEntries, writeZip, writeZipParts } from '../../../shared/excel/xlsx-parts';
import { messyOfficeSheets, messyOfficeWorkbook } from './fixtures';

const programs = BUILTIN_CATALOG.programs;

/** Parts and shell for these sheets, assembled as the parallel export does. */
function inParts(specs: SheetSpec[]): Uint8Array {
  const seed = formatSeed(specs);
  return joinFileBytes(assembleWorkbook(writeWorkbookShell(specs, seed), specs.map((s) => writeSheetPart(s, seed))));
}

/** What a reader sees of a workbook: every cell's type, value and format, widths, merges, hidden flags, names. */
function observed(bytes: Uint8Array) {
  const wb = XLSX.read(bytes, { type: 'array', cellNF: true, cellStyles: true, cellDates: false });
  return {
    names: wb.SheetNames,
    hidden: wb.SheetNames.map((_, i) => wb.Workbook?.Sheets?.[i]?.Hidden ?? 0),
    sheets: wb.SheetNames.map((name) => {
      const ws = wb.Sheets[name]!;
      const cells: Record<string, { t: string; v: unknown; z: unknown }> = {};
      for (const [ref, cell] of Object.entries(ws)) {
        if (ref.startsWith('!')) continue;
        const c = cell as XLSX.CellObject;
        cells[ref] = { t: c.t, v: c.v, z: c.z };
      }
      return { ref: ws['!ref'], cols: ws['!cols'], merges: ws['!merges'], cells };
    }),
  };
}

function records() {
  const parsed = runImportPipeline(messyOfficeWorkbook(), { programs });
  if (!parsed.ok) throw new Error(parsed.message.en);
  const r = recordsFromImport(parsed.result, '2025-05-01T00:00:00.000Z');
  r.projects[0]!.notes = '=HYPERLINK("http://evil")';
  r.projects[1]!.notes = "'=already quoted";
  r.projects[2]!.title = '@SUM(1)';
  r.projects[3]!.endDate = null;
  // A trashed project: left out, with its budget lines and milestones.
  r.projects[4]!.deletedAt = '2025-06-01T00:00:00.000Z';
  return r;
}

/** Every entry of a zip inflates to its declared size and CRC. */
function expectValidZip(bytes: Uint8Array): void {
  const entries = readZipEntries(bytes);
  expect(entries.length).toBeGreaterThan(5);
  for (const e of entries) {
    const raw = e.method === 8 ? inflateRawSync(e.data) : Buffer.from(e.data);
    expect(raw.length, e.name).toBe(e.uncompressedSize);
    expect(crc32(raw) >>> 0, e.name).toBe(e.crc32);
  }
  // SheetJS's own zip reader finds every entry, inflated to the same size.
  const cfb = XLSX.CFB.read(bytes, { type: 'array' });
  for (const e of entries) expect(XLSX.CFB.find(cfb, `/${e.name}`)?.content?.length, e.name).toBe(e.uncompressedSize);
}

describe('a workbook written in parts', () => {
  const data = records();
  for (const lang of ['ja', 'en'] as WorkbookLanguage[]) {
    it(`reads back exactly like one write of the same sheets (standard workbook, ${lang})`, () => {
      const specs = standardWorkbookSheets({ ...data, programs, lang });
      expect(specs[1]!.numFmts?.[2]).toBe(YEN_FORMAT[lang]);
      const assembled = inParts(specs);
      const whole = writeWorkbookBytes(specs);
      const got = observed(assembled);
      expect(got).toEqual(observed(whole));
      // The comparison is not vacuous: dates, yen amounts, empty cells and neutralised text are there.
      const projects = got.sheets[0]!.cells;
      expect(projects['H2']).toMatchObject({ t: 'n', z: DEFAULT_DATE_FORMAT });
      expect(Object.values(projects).some((c) => c.v === '\'=HYPERLINK("http://evil")')).toBe(true);
      expect(got.sheets[1]!.cells['C2']).toMatchObject({ t: 'n', z: YEN_FORMAT[lang] });
      expect(got.sheets.every((s) => (s.cols?.length ?? 0) > 0)).toBe(true);
      expectValidZip(assembled);
    });
  }

  it('keeps merges, widths, hidden sheets, booleans, General numbers and a date column without its own format', () => {
    const lookup: SheetSpec = { name: 'Lookup', rows: [['a', 1, true], [null, 2.5, false]], hidden: true, colWidths: [30, 8] };
    const custom: SheetSpec = {
      name: 'Custom formats',
      rows: [['x', { kind: 'date', iso: '2024-02-29' }, 1234.5, 7], [null, { kind: 'date', iso: '2025-04-01' }, null, 8]],
      numFmts: { 2: '0.00%', 3: '#,##0"千円"' },
      merges: [{ s: { r: 0, c: 2 }, e: { r: 1, c: 2 } }],
    };
    const specs = [...messyOfficeSheets(), lookup, custom];
    const assembled = inParts(specs);
    const got = observed(assembled);
    expect(got).toEqual(observed(writeWorkbookBytes(specs)));
    expect(got.hidden).toEqual([0, 0, 1, 0]);
    expect(got.sheets[1]!.merges?.length).toBeGreaterThan(3);
    expect(got.sheets[3]!.cells['B1']).toMatchObject({ t: 'n', z: DEFAULT_DATE_FORMAT });
    expect(got.sheets[3]!.cells['C1']).toMatchObject({ t: 'n', z: '0.00%' });
    expect(got.sheets[3]!.cells['D2']).toMatchObject({ t: 'n', z: '#,##0"千円"' });
    expectValidZip(assembled);
  });

  it('re-imports the assembled standard workbook to the same records', () => {
    for (const lang of ['ja', 'en'] as const) {
      const bytes = inParts(standardWorkbookSheets({ ...data, programs, lang }));
      const back = runImportPipeline(bytes, { programs });
      if (!back.ok) throw new Error(back.message.en);
      expect(back.analysis.format).toBe('standard');
      expect(back.result.problems.filter((p) => p.severity === 'error')).toEqual([]);
      const again = recordsFromImport(back.result, '2025-05-01T00:00:00.000Z');
      const kept = data.projects.filter((p) => !p.deletedAt);
      const keptIds = new Set(kept.map((p) => p.id));
      expect(again.projects).toEqual(kept.map((p) => ({ ...p, deletedAt: null })));
      expect(again.budgetLines).toEqual(data.budgetLines.filter((b) => keptIds.has(b.projectId)));
      expect(again.milestones).toEqual(data.milestones.filter((m) => keptIds.has(m.projectId)));
      expect(again.projects.length).toBe(data.projects.length - 1);
    }
  });

  it('orders the format seed the same way for the same layouts, default date format first', () => {
    const specs = standardWorkbookSheets({ ...data, programs, lang: 'ja' });
    expect(formatSeed(specs)).toEqual([DEFAULT_DATE_FORMAT, YEN_FORMAT.ja]);
    expect(formatSeed([{ numFmts: { 3: 'b', 1: 'a' } }, { numFmts: { 0: 'a', 2: 'General' } }])).toEqual([DEFAULT_DATE_FORMAT, 'a', 'b']);
  });
});

describe('refusals (the caller then writes the workbook in one call)', () => {
  const specs: SheetSpec[] = [
    { name: 'One', rows: [['a', 1]] },
    { name: 'Two', rows: [['b', { kind: 'date', iso: '2025-04-01' } as Cell]] },
  ];
  const seed = formatSeed(specs);
  const shell = writeWorkbookShell(specs, seed);
  const parts = specs.map((s) => writeSheetPart(s, seed));

  it('assembles these parts when nothing is added', () => {
    expect(observed(joinFileBytes(assembleWorkbook(shell, parts)))).toEqual(observed(writeWorkbookBytes(specs)));
  });

  for (const extra of ['xl/worksheets/_rels/sheet2.xml.rels', 'xl/sharedStrings.xml', 'xl/comments2.xml', 'xl/worksheets/sheet3.xml']) {
    it(`refuses a part holding ${extra}`, () => {
      const entries = readZipEntries(parts[1]!);
      const withExtra = writeZip([...entries, { ...entries[0]!, name: extra }]);
      expect(() => assembleWorkbook(shell, [parts[0]!, withExtra])).toThrow(PartRefused);
    });
  }

  it('refuses a shell with fewer sheets than parts, and bytes that are not a zip', () => {
    expect(() => assembleWorkbook(shell, [...parts, parts[0]!])).toThrow(PartRefused);
    expect(() => assembleWorkbook(shell, [parts[0]!, new Uint8Array(100)])).toThrow(PartRefused);
  });

  it('refuses to write a part whose formats are not in the seed', () => {
    expect(() => writeSheetPart({ name: 'X', rows: [[1]], numFmts: { 0: '0.000' } }, seed)).toThrow(PartRefused);
  });

  it('round-trips zip entries through writeZip unchanged', () => {
    const entries = readZipEntries(shell);
    const again = readZipEntries(writeZip(entries));
    expect(again.map((e) => [e.name, e.crc32, e.compressedSize, e.uncompressedSize])).toEqual(entries.map((e) => [e.name, e.crc32, e.compressedSize, e.uncompressedSize]));
    expectValidZip(writeZip(entries));
  });

  it('hands the parts\' sheets on as views, not copies, and their pieces join into the same file as writeZip', () => {
    const pieces = assembleWorkbook(shell, parts);
    // A page saves these pieces as they are (its thread never copies the sheets): each sheet's data is a view of its part.
    for (const [k, part] of parts.entries()) {
      const data = readZipEntries(part).find((e) => e.name === 'xl/worksheets/sheet2.xml')!.data;
      expect(pieces.some((p) => p.buffer === part.buffer && p.byteOffset === data.byteOffset && p.byteLength === data.byteLength), `part ${k + 1}`).toBe(true);
    }
    const joined = joinFileBytes(pieces);
    expectValidZip(joined);
    const entries = readZipEntries(joined);
    expect(Buffer.from(joinFileBytes(writeZipParts(entries))).equals(Buffer.from(writeZip(entries)))).toBe(true);
    expect(Buffer.from(joinFileBytes(writeZipParts(entries))).equals(Buffer.from(joined))).toBe(true);
  });
});

describe('the standard workbook split per sheet', () => {
  it('builds the same sheets as standardWorkbookSheets, leaving out lines of trashed and missing projects', () => {
    const p = (id: string, code: string, deletedAt: string | null = null): Project => ({
      id, code, title: `課題 ${code}`, pi: '', piPosition: '', piResearcherNumber: '', department: '', coInvestigators: [], partners: [], programId: 'binds', trackId: null, funderName: '',
      amedNumber: '', eradNumber: '', startDate: null, endDate: null, status: 'active', tags: [], notes: '', archived: false, deletedAt, createdAt: '', updatedAt: '',
    });
    const sheets = standardWorkbookSheets({
      projects: [p('a', 'A-1'), p('b', 'B-1', '2025-01-01T00:00:00Z')],
      budgetLines: [
        { id: 'x', projectId: 'a', fiscalYear: 2025, directYen: 1, indirectYen: 2 },
        { id: 'y', projectId: 'b', fiscalYear: 2025, directYen: 3, indirectYen: 4 },
        { id: 'z', projectId: 'gone', fiscalYear: 2025, directYen: 5, indirectYen: 6 },
      ],
      milestones: [{ id: 'm', projectId: 'b', kind: 'other', title: 't', dueDate: '2025-05-01', status: 'planned', doneDate: null, notes: '', origin: 'user' }],
      programs,
      lang: 'en',
    });
    expect(sheets[0]!.rows.map((r) => r[0])).toEqual(['Project ID', 'A-1']);
    expect(sheets[0]!.rows[1]![5]).toBe(programs.find((x) => x.id === 'binds')!.nameEn);
    expect(sheets[1]!.rows).toEqual([['Project ID', 'Fiscal Year', 'Direct (JPY)', 'Indirect (JPY)'], ['A-1', 2025, 1, 2]]);
    expect(sheets[2]!.rows.length).toBe(1);
  });
});

describe('crc32', () => {
  it('is zip\'s CRC-32 (as zlib computes it)', () => {
    const bytes = new Uint8Array(70_000);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919 + (i >> 5)) & 0xff;
    for (const b of [new Uint8Array(0), new TextEncoder().encode('123456789'), new TextEncoder().encode('<sheetView>再生医療</sheetView>'), bytes]) {
      expect(zipCrc32(b)).toBe(crc32(b) >>> 0);
    }
    expect(zipCrc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });
});
