// Success-rate and forecast sheets: the figures in the workbook are the forecast's, and a what-if moves them.
import { describe, expect, it } from 'vitest';
import { BUILTIN_CATALOG } from '../../../shared/catalog/builtin';
import { readWorkbookGrids, writeWorkbookBytes } from '../../../shared/excel/sheetjs';
import { buildPlanningReport } from '../../../shared/reports/planning-report';
import { planningReportSheets } from '../../../shared/reports/planning-report-workbook';
import { makeLine, makeProject } from '../portfolio/fixtures';
import { makeApplication } from '../planning/fixtures';

const M = 1_000_000;
const input = {
  projects: [makeProject('P1', { programId: 'next-gen-cancer', funderName: '' })],
  budgetLines: [makeLine('P1', 2026, 10 * M), makeLine('P1', 2029, 4 * M)],
  applications: [
    makeApplication('A1', { status: 'awarded', eradDeadline: '2025-05-01', projectId: 'P1' }),
    makeApplication('A2', { status: 'rejected', eradDeadline: '2025-06-01', department: '薬学研究科' }),
    makeApplication('A3', { status: 'submitted', requested: [{ fiscalYear: 2027, directYen: 20 * M, indirectYen: 6 * M }] }),
  ],
  programs: BUILTIN_CATALOG.programs,
  fromFiscalYear: 2026,
};

function sheetsOf(report: ReturnType<typeof buildPlanningReport>, lang: 'en' | 'ja') {
  return readWorkbookGrids(writeWorkbookBytes(planningReportSheets(report, lang))).sheets;
}

describe('planning report', () => {
  it('labels success rates by program, funder, department and year, with counts and a total', () => {
    const r = buildPlanningReport(input);
    expect(r.successRates.program).toEqual([expect.objectContaining({ key: 'next-gen-cancer', labelJa: '次世代がん医療加速化研究事業', awarded: 1, decided: 2, rate: 0.5, pending: 1 })]);
    expect(r.successRates.fiscalYear.map((x) => x.labelEn)).toEqual(['FY2025', 'FY2026']);
    const [rates] = sheetsOf(r, 'ja');
    expect(rates!.name).toBe('採択率');
    expect(rates!.rows.find((row) => row[0] === '事業')).toEqual(['事業', '次世代がん医療加速化研究事業', 3, 1, 1, 0, 1, 2, 0.5]);
    expect(rates!.rows.at(-1)).toEqual(['合計', null, 3, 1, 1, 0, 1, 2, 0.5]);
  });
  it('writes the forecast per fiscal year, and a what-if changes the written figures', () => {
    const plain = sheetsOf(buildPlanningReport(input), 'en');
    const forecast = plain[1]!;
    expect(forecast.rows[0]![0]).toBe('Fiscal Year');
    expect(forecast.rows[1]).toEqual([2026, '令和8年度', 10 * M, 3 * M, 0, 0, 0, 0]);
    expect(forecast.rows[2]).toEqual([2027, '令和9年度', 0, 0, 10 * M, 3 * M, 0, 0]);
    expect(forecast.rows[4]).toEqual([2029, '令和11年度', 0, 0, 0, 0, 4 * M, 1_200_000]);
    const moved = sheetsOf(buildPlanningReport({ ...input, whatIf: [{ programKey: 'next-gen-cancer', percent: -50 }] }), 'en')[1]!;
    expect(moved.rows[0]![0]).toMatch(/^What-if: .*-50%/);
    expect(moved.rows[3]).toEqual([2027, '令和9年度', 0, 0, 5 * M, 1_500_000, 0, 0]);
    const byGroup = plain[2]!;
    expect(byGroup.rows.filter((row) => row[0] === 'Department' && row[2] === 2027)).toEqual([['Department', '医学研究科', 2027, 0, 0, 10 * M, 3 * M, 0, 0]]);
  });
});
