// Report tables: money by program × fiscal year and by department, the schedule for a period, risks, catalog context,
// and the reports workbook built from them.
import { describe, expect, it } from 'vitest';
import { BUILTIN_CATALOG } from '../../../shared/catalog/builtin';
import type { BudgetLine, Milestone, Project } from '../../../shared/domain/types';
import { buildPortfolioReport } from '../../../shared/reports/portfolio-report';
import { reportWorkbookSheets } from '../../../shared/reports/report-workbook';

function project(id: string, patch: Partial<Project>): Project {
  return {
    id, code: id.toUpperCase(), title: `課題 ${id}`, pi: '', department: '医学研究科', piPosition: '', piResearcherNumber: '', coInvestigators: [], partners: [], programId: 'binds', trackId: null,
    funderName: '', amedNumber: '', eradNumber: '', startDate: '2024-04-01', endDate: '2027-03-31', status: 'active', tags: [], notes: '',
    archived: false, deletedAt: null, createdAt: '', updatedAt: '', ...patch,
  };
}
const line = (projectId: string, fiscalYear: number, directYen: number, indirectYen: number): BudgetLine => ({ id: `${projectId}-${fiscalYear}`, projectId, fiscalYear, directYen, indirectYen });
const ms = (projectId: string, dueDate: string, kind: Milestone['kind'] = 'stage-gate'): Milestone => ({ id: `${projectId}-${dueDate}`, projectId, kind, title: 'SG', dueDate, status: 'planned', doneDate: null, notes: '', origin: 'user' });

const projects = [
  project('a', {}),
  project('b', { department: '工学研究科' }),
  project('c', { programId: null, funderName: '〇〇財団' }),
  project('d', { deletedAt: '2025-01-01T00:00:00Z' }),
  project('e', { programId: 'b-cure', endDate: '2028-03-31' }),
];
const budgetLines = [line('a', 2025, 10_000_000, 3_000_000), line('b', 2025, 5_000_000, 1_500_000), line('a', 2026, 8_000_000, 2_400_000), line('c', 2025, 1_000_000, 0), line('d', 2025, 99, 99)];
const milestones = [ms('a', '2025-09-30'), ms('b', '2026-04-01'), ms('d', '2025-10-01'), ms('a', '2025-03-31')];

const report = buildPortfolioReport({ projects, budgetLines, milestones, programs: BUILTIN_CATALOG.programs, today: '2025-06-01', from: '2025-04-01', to: '2026-03-31' });

describe('buildPortfolioReport', () => {
  it('totals by program and fiscal year, leaving the trash out', () => {
    const binds2025 = report.byProgram.find((r) => r.key === 'binds' && r.fiscalYear === 2025);
    expect(binds2025).toMatchObject({ directYen: 15_000_000, indirectYen: 4_500_000, totalYen: 19_500_000, count: 2 });
    expect(report.byProgram.find((r) => r.key === 'binds' && r.fiscalYear === 2026)).toMatchObject({ totalYen: 10_400_000, count: 1 });
    expect(report.byProgram.find((r) => r.key === null)).toMatchObject({ labelJa: '〇〇財団（未対応付け）', totalYen: 1_000_000 });
    expect(report.fiscalYears).toEqual([2025, 2026]);
  });
  it('totals by department', () => {
    expect(report.byDepartment.find((r) => r.key === '工学研究科' && r.fiscalYear === 2025)).toMatchObject({ totalYen: 6_500_000, count: 1 });
    expect(report.byDepartment.find((r) => r.key === '医学研究科' && r.fiscalYear === 2025)).toMatchObject({ totalYen: 14_000_000, count: 2 });
  });
  it('lists the schedule inside the period only, in date order', () => {
    expect(report.schedule.map((s) => [s.dueDate, s.code])).toEqual([['2025-09-30', 'A']]);
  });
  it('lists risks from the portfolio risk flags, by project code', () => {
    expect(report.risks.some((r) => r.code === 'E' && r.kind === 'past-program-period')).toBe(true);
    expect(report.risks.some((r) => r.code === 'D')).toBe(false);
  });
  it('gives the catalog context of programs in use', () => {
    expect(report.catalog.map((c) => [c.programId, c.projectCount])).toEqual([['binds', 2], ['b-cure', 1]]);
    expect(report.catalog[0]).toMatchObject({ startFiscalYear: 2022, endFiscalYear: 2026 });
  });
  it('builds the reports workbook with yen-formatted numbers and neutralised text', () => {
    const sheets = reportWorkbookSheets(
      buildPortfolioReport({ projects: [project('x', { title: '=cmd()' })], budgetLines: [], milestones: [ms('x', '2025-05-01')], programs: [], today: '2025-06-01', from: '2025-04-01', to: '2026-03-31' }),
      'ja',
    );
    expect(sheets.map((s) => s.name)).toEqual(['事業別', '部局別', 'スケジュール', 'リスク', '事業概要']);
    expect(sheets[2]!.rows[2]).toEqual([{ kind: 'date', iso: '2025-05-01' }, 'X', "'=cmd()", 'ステージゲート', 'SG', '予定']);
    expect(sheets[0]!.numFmts?.[3]).toContain('円');
  });
});
