// The three files of issue 13 go through the whole pipeline with the proposed mapping, untouched: every row imported,
// with the fields each layout holds.
import { describe, expect, it } from 'vitest';
import { BUILTIN_CATALOG } from '../../../shared/catalog/builtin';
import { runImportPipeline } from '../../../shared/excel/import-pipeline';
import type { PipelineResult } from '../../../shared/excel/import-pipeline';
import type { ParsedImport } from '../../../shared/excel/import-types';
import { writeWorkbookBytes } from '../../../shared/excel/sheetjs';
import { awardListSheets, encodeCp932, kakenRows, ledgerSheets, toCsv } from './issue-layouts';

const programs = BUILTIN_CATALOG.programs;

function ok(r: PipelineResult): { result: ParsedImport; run: Extract<PipelineResult, { ok: true }> } {
  if (!r.ok) throw new Error(r.message.en);
  return { result: r.result, run: r };
}

describe('an award list with 研究開発期間（開始） and 研究開発期間（終了）', () => {
  const { result, run } = ok(runImportPipeline(writeWorkbookBytes(awardListSheets()), { programs }));

  it('maps the two period columns to start and end, and the AMED number to the ID', () => {
    const fields = run.analysis.mapping.map((m) => m.field);
    expect(fields).toEqual(['code', 'title', 'pi', 'ignore', 'piPosition', 'start', 'end']);
    expect(run.analysis.unmappedColumns).toEqual([{ column: 'D', header: '所属機関' }]);
  });

  it('imports all 13 rows with both dates, era date cells read from their serials', () => {
    expect(result.projects).toHaveLength(13);
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(result.projects.every((p) => p.fields.startDate === '2025-04-01' && /^202[789]-03-31$/.test(p.fields.endDate ?? ''))).toBe(true);
    expect(result.projects[1]?.fields).toMatchObject({ pi: '佐藤 花子', piPosition: '准教授', amedNumber: '25hk0102002h0001', endDate: '2028-03-31' });
    expect(result.projects[0]?.code).toBe('25hk0102001h0001');
  });
});

describe('a 受託研究 ledger with a two-row merged header, sections and 小計 rows', () => {
  const { result, run } = ok(runImportPipeline(writeWorkbookBytes(ledgerSheets()), { programs }));
  const byCode = new Map(result.projects.map((p) => [p.code, p]));

  it('joins the header band and maps each sub-column, the 合計 column only as a check', () => {
    expect(run.analysis.header?.headers).toEqual([
      '管理番号', '研究課題名', '相手先', '研究開発代表者/氏名', '研究開発代表者/職名', '研究開発期間/開始', '研究開発期間/終了',
      '令和7年度 契約額/直接経費', '令和7年度 契約額/間接経費(一般管理費)', '令和7年度 契約額/合計',
    ]);
    expect(run.analysis.mapping).toEqual([
      { field: 'code' }, { field: 'title' }, { field: 'funder' }, { field: 'pi' }, { field: 'piPosition' }, { field: 'start' }, { field: 'end' },
      { field: 'direct', fiscalYear: 2025, unit: null }, { field: 'indirect', fiscalYear: 2025, unit: null }, { field: 'total', fiscalYear: 2025, unit: null },
    ]);
  });

  it('imports every project with its department from the section rows and its FY2025 budget in yen', () => {
    expect([...byCode.keys()]).toEqual(['J-0001', 'J-0002', 'J-0003', 'J-0004', 'J-0005']);
    expect(byCode.get('J-0001')?.fields).toMatchObject({ department: '医学研究科', pi: '山田 太郎', piPosition: '教授', startDate: '2025-04-01', endDate: '2028-03-31', funderName: '国立研究開発法人日本医療研究開発機構' });
    expect(byCode.get('J-0002')?.fields.pi).toBe('佐藤 花子');
    expect(byCode.get('J-0004')?.fields.department).toBe('工学研究科');
    expect(result.budgetLines.map((b) => [b.code, b.fiscalYear, b.directYen, b.indirectYen])).toEqual([
      ['J-0001', 2025, 10_000_000, 3_000_000],
      ['J-0002', 2025, 5_000_000, 1_500_000],
      ['J-0003', 2025, 3_333_000, 999_000],
      ['J-0004', 2025, 8_000_000, 2_400_000],
      ['J-0005', 2025, 1_000_000, 100_000],
    ]);
  });

  it('warns when 計 is more than 1千円 off direct + indirect, and only then', () => {
    const warnings = result.problems.filter((p) => p.severity === 'warning' && p.column === 'J');
    expect(warnings.map((p) => p.row)).toEqual([14]);
  });

  it('passes over section, 小計, 合計, blank and footnote rows, counting each', () => {
    const reasons = new Map(result.skipped.map((s) => [s.row, s.reason.en]));
    expect([...reasons.keys()]).toEqual([6, 10, 11, 12, 15, 16, 17]);
    expect(reasons.get(6)).toContain('section');
    expect(reasons.get(10)).toContain('total');
    expect(reasons.get(17)).toContain('footnote');
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });
});

describe('a KAKEN search export saved as CSV', () => {
  const csv = toCsv(kakenRows());
  const utf8 = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(csv)]);
  const cp932 = encodeCp932(csv);

  for (const [label, bytes] of [['UTF-8 with BOM', utf8], ['CP932 as Excel re-saves it', cp932]] as const) {
    describe(label, () => {
      const { result, run } = ok(runImportPipeline(bytes, { programs, fileName: 'kaken.csv' }));
      const [first, second] = result.projects;

      it('takes 研究課題/領域番号 as the ID and unpacks 研究代表者', () => {
        expect(result.projects.map((p) => p.code)).toEqual(['23KF0079', '25H00028']);
        expect(first?.fields).toMatchObject({ title: '論理回路の高速化手法', pi: '笹尾 勤', department: '理工学部', piPosition: '教授', piResearcherNumber: '20112013', funderName: '基盤研究(B)' });
        expect(first?.fields.coInvestigators).toEqual(['山田 太郎', '佐藤 花子']);
        expect(second?.fields).toMatchObject({ pi: '鈴木 一郎', department: '大学院医学系研究科', piPosition: '特任教授', piResearcherNumber: '70234567' });
      });

      it('reads 研究期間 (年度) ranges, (予定) included', () => {
        expect([first?.fields.startDate, first?.fields.endDate]).toEqual(['2023-04-01', '2026-03-31']);
        expect([second?.fields.startDate, second?.fields.endDate]).toEqual(['2025-04-01', '2029-03-31']);
      });

      it('turns 配分額*注記 into budget lines per fiscal year in yen', () => {
        expect(result.budgetLines.map((b) => [b.code, b.fiscalYear, b.directYen, b.indirectYen])).toEqual([
          ['23KF0079', 2023, 1_700_000, 510_000],
          ['23KF0079', 2024, 2_500_000, 750_000],
          ['23KF0079', 2025, 2_800_000, 840_000],
          ['25H00028', 2025, 10_000_000, 3_000_000],
        ]);
      });

      it('reports every column it does not import, and no row errors', () => {
        expect(run.analysis.unmappedColumns.map((c) => c.header)).toEqual(['審査区分', '研究分野', '研究機関', '応募区分', '連携研究者', '研究協力者', 'キーワード', '総配分額 (直接経費)', '評価記号', '研究概要', '研究成果の概要']);
        expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
      });
    });
  }
});

describe('decoding', () => {
  it('refuses a text file named .xlsx as not an Excel workbook', () => {
    const r = runImportPipeline(new TextEncoder().encode('管理番号,課題名\nA,B\n'), { programs, fileName: 'list.xlsx' });
    expect(r.ok === false && r.refused && r.message.en).toContain('not an Excel workbook');
  });
});
