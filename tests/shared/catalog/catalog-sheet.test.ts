// A catalog edition survives the Excel round trip (through the real SheetJS chokepoint), and damaged sheets come back
// as problems with row numbers instead of data.
import { describe, expect, it } from 'vitest';
import { BUILTIN_CATALOG } from '../../../shared/catalog/builtin';
import { importCatalogSheets, describeImportProblems } from '../../../shared/catalog/catalog-import';
import { PROGRAMS_SHEET, catalogToSheets } from '../../../shared/catalog/catalog-sheet';
import { readWorkbookGrids, writeWorkbookBytes } from '../../../shared/excel/sheetjs';
import type { SheetGrid } from '../../../shared/excel/sheetjs';

function roundTrip(sheets = catalogToSheets(BUILTIN_CATALOG)): SheetGrid[] {
  return readWorkbookGrids(writeWorkbookBytes(sheets)).sheets;
}

describe('catalog sheet', () => {
  it('round-trips the built-in edition losslessly, extra fields included', () => {
    const result = importCatalogSheets(roundTrip());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.catalog).toEqual(BUILTIN_CATALOG);
  });
  it('writes one row per program and per track', () => {
    const programsSheet = catalogToSheets(BUILTIN_CATALOG).find((s) => s.name === PROGRAMS_SHEET)!;
    const tracks = BUILTIN_CATALOG.programs.reduce((n, p) => n + p.tracks.length, 0);
    expect(programsSheet.rows).toHaveLength(1 + BUILTIN_CATALOG.programs.length + tracks);
    const binds = programsSheet.rows.find((r) => r[1] === 'binds')!;
    expect(binds).toContain(3_600_000_000);
  });
  it('reports a text amount and a missing name with the sheet row, and returns no catalog', () => {
    const sheets = roundTrip();
    const grid = sheets.find((s) => s.name === PROGRAMS_SHEET)!;
    const head = grid.rows[0]!.map((c) => String(c).split(' / ')[0]);
    const bindsRow = grid.rows.findIndex((r) => r[1] === 'binds');
    grid.rows[bindsRow]![head.indexOf('request')] = '三十六億';
    const result = importCatalogSheets(sheets);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const [line] = describeImportProblems(result, 'ja');
    expect(line).toContain(`${bindsRow + 1}行目`);
    expect(line).toContain('三十六億');
    expect(describeImportProblems(result, 'en')[0]).toContain('not a number');
  });
  it('reports cross-reference problems from the gate with program names', () => {
    const sheets = roundTrip();
    const grid = sheets.find((s) => s.name === PROGRAMS_SHEET)!;
    const row = grid.rows.findIndex((r) => r[1] === 'grifin');
    grid.rows[row]![2] = 'no-such-parent';
    const result = importCatalogSheets(sheets);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(describeImportProblems(result, 'ja').join('\n')).toMatch(/先端ゲノム研究開発.*親事業「no-such-parent」が見つかりません/);
  });
  it('refuses a workbook that is not a catalog', () => {
    const result = importCatalogSheets([{ name: 'Sheet1', rows: [['課題名', '金額']], merges: [], hidden: false }]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(describeImportProblems(result, 'ja')[0]).toContain('Edition');
  });
  it('reads an empty or 「記載なし」 body as not stated, and a workbook without the amount-kind column as before', () => {
    const sheets = roundTrip();
    const grid = sheets.find((s) => s.name === PROGRAMS_SHEET)!;
    const head = grid.rows[0]!.map((c) => String(c).split(' / ')[0]);
    const body = head.indexOf('managedBy');
    const hfspRow = grid.rows.findIndex((r) => r[1] === 'hfsp');
    const bindsRow = grid.rows.findIndex((r) => r[1] === 'binds');
    expect(grid.rows[hfspRow]![body]).toBeNull();
    grid.rows[bindsRow]![body] = '記載なし';
    const kind = head.indexOf('amountKind');
    for (const row of grid.rows) row.splice(kind, 1);
    const result = importCatalogSheets(sheets);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.catalog.programs.find((p) => p.id === 'binds')?.managedBy).toBeNull();
    expect(result.catalog.programs.find((p) => p.id === 'hfsp')?.managedBy).toBeNull();
    expect(result.catalog.programs.find((p) => p.id === 'medical-device-development')?.managedBy).toBe('AMED');
    const consortium = result.catalog.programs.find((p) => p.id === 'sicorp')!.tracks[0]!;
    expect(consortium.maxAnnualYen).toBe(30_000_000);
    expect(consortium.amountKind).toBeUndefined();
  });
});
