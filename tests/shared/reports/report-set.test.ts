// The screen's and the workbook's reports come from one builder: a period typed backwards is read forwards, and the
// forecast starts at the asked fiscal year. The memo the report Worker keeps gives what a fresh build gives, reusing a
// report only while all of its inputs are unchanged.
import { describe, expect, it } from 'vitest';
import { BUILTIN_CATALOG } from '../../../shared/catalog/builtin';
import { readWorkbookGrids, writeWorkbookBytes } from '../../../shared/excel/sheetjs';
import { buildReportSet, ReportSetMemo } from '../../../shared/reports/report-set';
import type { ReportSet, ReportSetData, ReportSetRequest } from '../../../shared/reports/report-set';
import { reportWorkbookSheets } from '../../../shared/reports/report-workbook';
import { planningReportSheets } from '../../../shared/reports/planning-report-workbook';
import { makeLine, makeMilestone, makeProject } from '../portfolio/fixtures';
import { makeApplication } from '../planning/fixtures';

const empty = { projects: [], budgetLines: [], milestones: [], applications: [] };
const request = { today: '2026-06-01', from: '2027-03-31', to: '2026-04-01', programs: BUILTIN_CATALOG.programs, fromFiscalYear: 2026, probability: {}, whatIf: [] } as const;

describe('buildReportSet', () => {
  it('reads a period given in either order and starts the forecast at the asked year', () => {
    const backwards = buildReportSet(empty, request);
    const forwards = buildReportSet(empty, { ...request, from: '2026-04-01', to: '2027-03-31' });
    expect(backwards.report.from).toBe('2026-04-01');
    expect(backwards.report.to).toBe('2027-03-31');
    expect(backwards).toEqual(forwards);
    expect(backwards.planning.forecast.years[0]?.fiscalYear).toBe(2026);
  });
});

const M = 1_000_000;
function data(): ReportSetData {
  return {
    projects: [makeProject('P1', { programId: 'next-gen-cancer' }), makeProject('P2', { department: '薬学研究科' })],
    budgetLines: [makeLine('P1', 2026, 10 * M), makeLine('P2', 2026, 3 * M), makeLine('P2', 2027, 2 * M)],
    milestones: [makeMilestone('M1', 'P1', { dueDate: '2026-09-30' }), makeMilestone('M2', 'P2', { dueDate: '2027-06-01' })],
    applications: [makeApplication('A1', { status: 'submitted', requested: [{ fiscalYear: 2027, directYen: 20 * M, indirectYen: 6 * M }] })],
  };
}
const req: ReportSetRequest = { ...request, from: '2026-04-01', to: '2027-03-31' };
const workbook = (set: ReportSet) => readWorkbookGrids(writeWorkbookBytes([...reportWorkbookSheets(set.report, 'ja'), ...planningReportSheets(set.planning, 'ja')])).sheets;

describe('ReportSetMemo', () => {
  it('gives back what it built while the tables and every option are the same', () => {
    const memo = new ReportSetMemo();
    const d = data();
    const first = memo.build(d, req);
    // A new object over the same read (the Worker spreads its kept tables with freshly read applications).
    const again = memo.build({ ...d, applications: [...d.applications] }, { ...req });
    expect(again.report).toBe(first.report);
    expect(again.planning).toBe(first.planning);
  });

  it('builds both again for another catalog array (the Worker keeps one per catalog state), equal to a fresh build', () => {
    const memo = new ReportSetMemo();
    const d = data();
    const first = memo.build(d, req);
    const renamed = req.programs.map((p) => (p.id === 'next-gen-cancer' ? { ...p, nameJa: '改名したプログラム' } : p));
    const again = memo.build(d, { ...req, programs: renamed });
    expect(again.report).not.toBe(first.report);
    expect(again.planning).not.toBe(first.planning);
    expect(again).toEqual(buildReportSet(d, { ...req, programs: renamed }));
  });

  it('builds again what an option, the applications or a new read changes, and only that', () => {
    const memo = new ReportSetMemo();
    const d = data();
    const first = memo.build(d, req);
    const whatIf = memo.build(d, { ...req, whatIf: [{ programKey: 'next-gen-cancer', percent: 50 }] });
    expect(whatIf.report).toBe(first.report);
    expect(whatIf.planning).not.toBe(first.planning);
    expect(whatIf.planning).toEqual(buildReportSet(d, { ...req, whatIf: [{ programKey: 'next-gen-cancer', percent: 50 }] }).planning);

    const period = memo.build(d, { ...req, to: '2027-12-31' });
    expect(period.report.schedule.map((s) => s.code)).toEqual(['C-P1', 'C-P2']);
    expect(period.planning).toEqual(first.planning);

    const applied = { ...d, applications: [...d.applications, makeApplication('A2', { status: 'awarded' })] };
    expect(memo.build(applied, req).planning.overall.applications).toBe(2);

    const reread = { ...data(), budgetLines: [makeLine('P1', 2026, 1 * M)] };
    const fresh = memo.build(reread, req);
    expect(fresh).toEqual(buildReportSet(reread, req));
    expect(fresh.report.byProgram.map((r) => r.totalYen)).toEqual([1.3 * M]);
  });

  it('writes the same workbook as a fresh build after any sequence of requests', () => {
    const memo = new ReportSetMemo();
    const d = data();
    memo.build(d, { ...req, whatIf: [{ programKey: 'next-gen-cancer', percent: -20 }] });
    memo.build(d, { ...req, from: '2025-04-01' });
    const kept = memo.build(d, req);
    memo.clear();
    expect(workbook(kept)).toEqual(workbook(buildReportSet(d, req)));
    expect(memo.build(d, req)).not.toBe(kept);
  });
});
