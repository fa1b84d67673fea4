// The whole pipeline on fixture sheets built here: the messy office sheet (cover sheet, title rows, 単位 note, merged
// two-row header, every date and amount form, totals, bad rows), other layouts, the standard workbook round trip,
// formula neutralisation and hostile header text.
import { describe, expect, it } from 'vitest';
import { BUILTIN_CATALOG } from '../../../shared/catalog/builtin';
import { runImportPipeline } from '../../../shared/excel/import-pipeline';
import type { PipelineResult } from '../../../shared/excel/import-pipeline';
import type { ParsedImport } from '../../../shared/excel/import-types';
import { recordsFromImport } from '../../../shared/excel/import-records';
import { readWorkbookGrids, writeWorkbookBytes } from '../../../shared/excel/sheetjs';
import { neutralizeText, restoreText, standardWorkbookSheets, templateSheets } from '../../../shared/excel/standard-workbook';
import { headerSignature, serializeMapping, deserializeMapping } from '../../../shared/excel/column-map';
import { inferColumns } from '../../../shared/excel/column-infer';
import { englishLayoutSheets, MESSY_ROWS, messyOfficeWorkbook, rangeLayoutSheets } from './fixtures';

const programs = BUILTIN_CATALOG.programs;

function ok(r: PipelineResult): ParsedImport {
  if (!r.ok) throw new Error(r.message.en);
  return r.result;
}

function errorsOn(result: ParsedImport, row: number) {
  return result.problems.filter((p) => p.row === row && p.severity === 'error');
}

describe('the messy office sheet', () => {
  const run = runImportPipeline(messyOfficeWorkbook(), { programs });
  const result = ok(run);
  const byCode = new Map(result.projects.map((p) => [p.code, p]));

  it('passes over the cover sheet and finds the two-row header below the title rows', () => {
    expect(run.ok && run.analysis.format).toBe('office');
    expect(result.sheet).toBe('課題一覧');
    const header = run.ok ? run.analysis.header! : null;
    expect(header?.headerTop).toBe(2);
    expect(header?.headerRow).toBe(3);
    expect(header?.unitNote).toBe(1000);
    expect(header?.headers.slice(5, 9)).toEqual(['研究開発期間/開始', '研究開発期間/終了', '令和7年度/直接経費', '令和7年度/間接経費']);
  });

  it('reads dates in every form', () => {
    expect(byCode.get('A-001')?.fields).toMatchObject({ startDate: '2025-04-01', endDate: '2028-03-31' });
    expect(byCode.get('A-002')?.fields).toMatchObject({ startDate: '2025-04-01', endDate: '2027-03-31' });
    expect(byCode.get('A-003')?.fields).toMatchObject({ startDate: '2019-05-01', endDate: '2022-03-31' });
    expect(byCode.get('A-004')?.fields).toMatchObject({ startDate: '2019-04-01', endDate: '2025-03-31' });
  });

  it('maps Japanese headers to fields and program names through the catalog matcher', () => {
    expect(byCode.get('A-001')?.fields).toMatchObject({
      title: '新規医療機器の開発', pi: '山田 太郎', department: '医学研究科', programId: 'medical-device-development',
      funderName: '医療機器等研究成果展開事業', amedNumber: '25hk0102001h0001', eradNumber: '25123456',
    });
    expect(byCode.get('A-004')?.fields.programId).toBe('binds');
  });

  it('imports an unknown funder as unmapped, with a warning', () => {
    expect(byCode.get('A-011')?.fields).toMatchObject({ programId: null, funderName: '〇〇記念財団 研究助成' });
    expect(result.problems.some((p) => p.row === MESSY_ROWS.unknownFunder && p.severity === 'warning' && p.column === 'E')).toBe(true);
  });

  it('reads amounts with the 単位 note, full-width digits, units in cells and years in headers', () => {
    const lines = result.budgetLines.map((b) => [b.code, b.fiscalYear, b.directYen, b.indirectYen]);
    expect(lines).toContainEqual(['A-001', 2025, 10_000_000, 3_000_000]);
    expect(lines).toContainEqual(['A-001', 2026, 12_000_000, null]);
    expect(lines).toContainEqual(['A-002', 2025, 5_000_000, 1_500_000]);
    expect(lines).toContainEqual(['A-004', 2025, 8_000_000, 2_400_000]);
  });

  it('never turns 未定 into 0 (the line is left out with a warning), but reads a lone "-" as a stated 0', () => {
    expect(result.budgetLines.some((b) => b.code === 'A-002' && b.fiscalYear === 2026)).toBe(false);
    expect(result.problems.some((p) => p.row === 6 && p.severity === 'warning' && p.message.en.includes('未定'))).toBe(true);
    expect(result.budgetLines.filter((b) => b.code === 'A-003').map((b) => [b.fiscalYear, b.directYen, b.indirectYen])).toContainEqual([2025, 0, 0]);
    expect(result.budgetLines.every((b) => (b.code === 'A-003' && b.fiscalYear === 2025) || (b.directYen !== 0 && b.indirectYen !== 0))).toBe(true);
  });

  it('reads milestone columns as milestones', () => {
    expect(result.milestones.map((m) => [m.code, m.kind, m.dueDate])).toEqual([
      ['A-001', 'interim-evaluation', '2026-09-30'],
      ['A-002', 'interim-evaluation', '2026-10-01'],
    ]);
  });

  it('reports bad rows as errors on their own row and leaves them out', () => {
    for (const row of [MESSY_ROWS.badDate, MESSY_ROWS.endBeforeStart, MESSY_ROWS.duplicateA, MESSY_ROWS.duplicateB, MESSY_ROWS.negative, MESSY_ROWS.eraZero, MESSY_ROWS.month13]) {
      expect(errorsOn(result, row).length, `row ${row}`).toBeGreaterThan(0);
    }
    expect(errorsOn(result, MESSY_ROWS.badDate)[0]?.column).toBe('F');
    expect(errorsOn(result, MESSY_ROWS.negative)[0]?.column).toBe('H');
    expect([...byCode.keys()].sort()).toEqual(['A-001', 'A-002', 'A-003', 'A-004', 'A-011']);
  });

  it('skips blank, 小計 and 合計 rows with a reason', () => {
    const skipped = new Map(result.skipped.map((s) => [s.row, s.reason.en]));
    expect(skipped.get(MESSY_ROWS.blank)).toBe('blank row');
    expect(skipped.get(MESSY_ROWS.subtotal)).toContain('total');
    expect(skipped.get(MESSY_ROWS.total)).toContain('total');
    expect(result.problems.some((p) => p.row === MESSY_ROWS.total)).toBe(false);
  });

  it('honours a sheet chosen by hand', () => {
    const cover = ok(runImportPipeline(messyOfficeWorkbook(), { programs, sheet: '表紙' }));
    expect(cover.projects).toEqual([]);
    expect(cover.problems[0]?.severity).toBe('error');
  });
});

describe('other layouts', () => {
  it('reads one "start〜end" column, R7/令和8年度 budget headers in 百万円 and stage gates', () => {
    const result = ok(runImportPipeline(writeWorkbookBytes(rangeLayoutSheets()), { programs }));
    const b1 = result.projects.find((p) => p.code === 'B-001')!;
    expect(b1.fields).toMatchObject({ startDate: '2025-04-01', endDate: '2028-03-31', programId: 'next-gen-cancer' });
    expect(result.budgetLines.filter((b) => b.code === 'B-001').map((b) => [b.fiscalYear, b.directYen, b.indirectYen])).toEqual([
      [2025, 12_500_000, 3_750_000],
      [2026, 12_500_000, 3_750_000],
    ]);
    expect(result.milestones.filter((m) => m.code === 'B-001').map((m) => [m.kind, m.dueDate])).toEqual([
      ['stage-gate', '2026-03-31'],
      ['final-evaluation', '2028-05-31'],
    ]);
    // An impossible stage-gate date is an error on its row.
    expect(errorsOn(result, 3).length).toBe(1);
    expect(result.projects.find((p) => p.code === 'B-003')?.fields).toMatchObject({ startDate: '2025-04-01', endDate: '2027-03-31' });
  });

  it('reads English headers with FY2025 budget columns', () => {
    const result = ok(runImportPipeline(writeWorkbookBytes(englishLayoutSheets()), { programs }));
    expect(result.projects[0]?.fields).toMatchObject({ title: 'Structural biology platform', programId: 'binds', startDate: '2022-04-01', notes: '+cmd' });
    expect(result.budgetLines[0]).toMatchObject({ fiscalYear: 2025, directYen: 20_000_000, indirectYen: 6_000_000 });
  });

  it('uses a remembered mapping for the same header layout', () => {
    const bytes = writeWorkbookBytes(englishLayoutSheets());
    const first = runImportPipeline(bytes, { programs });
    const sig = first.ok ? first.analysis.signature! : '';
    const mapping = first.ok ? first.analysis.mapping.map((m, i) => (i === 9 ? { field: 'ignore' as const } : m)) : [];
    const stored = serializeMapping(mapping);
    const again = runImportPipeline(bytes, { programs, remembered: (s) => (s === sig ? stored : undefined) });
    expect(again.ok && again.analysis.mappingSource).toBe('remembered');
    expect(ok(again).projects[0]?.fields.notes).toBeUndefined();
  });

  it('prefers a visible sheet over a hidden lookup sheet, and reads CSV text', () => {
    const sheets = [
      { name: 'lists', hidden: true, rows: [['管理番号', '課題名', '研究代表者', '所属', '事業名', '開始日', '終了日']] },
      { name: '一覧', rows: [['管理番号', '課題名', '研究代表者'], ['V-1', '見える課題', '山田']] },
    ];
    const run = runImportPipeline(writeWorkbookBytes(sheets), { programs });
    expect(ok(run).sheet).toBe('一覧');
    const csv = new TextEncoder().encode('管理番号,課題名,研究開発期間,R7直接経費,R7間接経費\nC-1,CSVの課題,R7.4.1〜R9.3.31,"1,000",300\n');
    const fromCsv = ok(runImportPipeline(csv, { programs }));
    expect(fromCsv.projects[0]?.fields).toMatchObject({ title: 'CSVの課題', startDate: '2025-04-01', endDate: '2027-03-31' });
    expect(fromCsv.budgetLines[0]).toMatchObject({ fiscalYear: 2025, directYen: 1000, indirectYen: 300 });
    // Shift_JIS, as Japanese Excel saves CSV; leading zeros of an ID are kept.
    const sjis = Uint8Array.from([0x8a, 0xc7, 0x97, 0x9d, 0x94, 0xd4, 0x8d, 0x86, 0x2c, 0x89, 0xdb, 0x91, 0xe8, 0x96, 0xbc, 0x0a, 0x30, 0x30, 0x31, 0x2c, 0x41, 0x0a]);
    const fromSjis = ok(runImportPipeline(sjis, { programs }));
    expect(fromSjis.projects.map((p) => [p.code, p.fields.title])).toEqual([['001', 'A']]);
    const zeros = ok(runImportPipeline(new TextEncoder().encode('\uFEFF管理番号,課題名,代表者\n00123,ゼロ,山田\n'), { programs }));
    expect(zeros.projects[0]?.code).toBe('00123');
  });

  it('never uses header text as an object key (__proto__, constructor)', () => {
    const sheets = [{ name: 'S', rows: [['管理番号', '課題名', '__proto__', 'constructor', 'toString'], ['X-1', 'テスト', 'a', 'b', 'c']] }];
    const result = ok(runImportPipeline(writeWorkbookBytes(sheets), { programs }));
    expect(result.projects[0]?.fields.title).toBe('テスト');
    expect(({} as Record<string, unknown>).a).toBeUndefined();
    const stored = serializeMapping(inferColumns(['__proto__', '管理番号'], [], null).mapping);
    expect(Object.keys(stored)).toEqual(['0', '1']);
    expect(deserializeMapping(JSON.parse('{"__proto__":"title","0":"code"}') as Record<string, string>, 2)).toEqual([{ field: 'code' }, { field: 'ignore' }]);
    expect(headerSignature(['a', 'b'])).not.toBe(headerSignature(['b', 'a']));
  });
});

describe('the standard workbook', () => {
  const parsed = ok(runImportPipeline(messyOfficeWorkbook(), { programs }));
  const records = recordsFromImport(parsed, '2025-05-01T00:00:00.000Z');
  records.projects[0]!.notes = '=HYPERLINK("http://evil")';
  records.projects[1]!.notes = "'=already quoted";
  records.projects[2]!.title = '@SUM(1)';
  Object.assign(records.projects[0]!, { piPosition: '教授', piResearcherNumber: '00828478' });

  for (const lang of ['en', 'ja'] as const) {
    it(`round-trips in ${lang} with no mapping step and neutralised formulas`, () => {
      const bytes = writeWorkbookBytes(standardWorkbookSheets({ ...records, programs, lang }));
      const grids = readWorkbookGrids(bytes).sheets;
      expect(grids[0]!.rows[1]![12]).toBe('\'=HYPERLINK("http://evil")');
      const back = runImportPipeline(bytes, { programs });
      expect(back.ok && back.analysis.format).toBe('standard');
      const again = recordsFromImport(ok(back), '2025-05-01T00:00:00.000Z');
      expect(again.projects).toEqual(records.projects);
      expect(again.budgetLines).toEqual(records.budgetLines.map((b) => ({ ...b })));
      expect(again.milestones).toEqual(records.milestones);
      expect(ok(back).problems.filter((p) => p.severity === 'error')).toEqual([]);
    });
  }

  it('writes real date cells, western fiscal years, yen-formatted amounts and column widths', () => {
    const sheets = standardWorkbookSheets({ ...records, programs, lang: 'ja' });
    expect(sheets.map((s) => s.name)).toEqual(['課題', '予算', 'マイルストーン']);
    expect(sheets[0]!.rows[1]![7]).toEqual({ kind: 'date', iso: '2025-04-01' });
    expect(sheets[1]!.rows[1]!.slice(1)).toEqual([2025, 10_000_000, 3_000_000]);
    expect(sheets[1]!.numFmts?.[2]).toContain('円');
    expect(sheets.every((s) => (s.colWidths?.length ?? 0) > 0)).toBe(true);
  });

  it('neutralises formula-like text reversibly', () => {
    for (const s of ['=1+1', '+81', '-5', '@x', '\tx', '\rx', '\nx', "'=x", "''+x", "'plain", 'plain', '']) {
      expect(restoreText(neutralizeText(s))).toBe(s);
      expect(/^[=+\-@\t\r\n]/.test(neutralizeText(s))).toBe(false);
    }
  });

  it('reports errors on the Budgets and Milestones sheets by their own rows', () => {
    const sheets = standardWorkbookSheets({ ...records, programs, lang: 'en' });
    sheets[1]!.rows.push(['A-001', 2025, 1, 1], ['A-001', 2031, -5, 1], ['NOPE', 2025, 1, 1]);
    sheets[2]!.rows.push(['A-001', 'stage-gate', 'SG', '2026-02-30', 'planned']);
    const result = ok(runImportPipeline(writeWorkbookBytes(sheets), { programs }));
    const budgetRows = sheets[1]!.rows.length;
    expect(result.problems.find((p) => p.sheet === 'Budgets' && p.row === budgetRows - 2)?.severity).toBe('error');
    expect(result.problems.find((p) => p.sheet === 'Budgets' && p.row === budgetRows - 1)?.column).toBe('C');
    expect(result.problems.find((p) => p.sheet === 'Budgets' && p.row === budgetRows)?.severity).toBe('warning');
    expect(result.problems.find((p) => p.sheet === 'Milestones' && p.row === sheets[2]!.rows.length)?.column).toBe('D');
  });

  it('has a template whose example rows are not imported', () => {
    const bytes = writeWorkbookBytes(templateSheets('ja'));
    const result = ok(runImportPipeline(bytes, { programs }));
    expect(readWorkbookGrids(bytes).sheets[0]!.name).toBe('記入方法');
    expect(result.format).toBe('standard');
    expect(result.projects).toEqual([]);
    expect(result.skipped.map((s) => s.reason.en)).toEqual(['example row', 'example row', 'example row']);
    expect(result.problems).toEqual([]);
  });
});
