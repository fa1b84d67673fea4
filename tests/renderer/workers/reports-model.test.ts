// The reports Worker's model on fake-indexeddb, called directly: the Dashboard's summary and the Reports screen's
// reports come from one read of the big tables, the screen's opening reports are built once the summary is answered,
// and a write makes the next answer read again what it touched and build anew.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../../renderer/store/db';
import { blankProjectInput, saveProject } from '../../../renderer/store/projects';
import { saveBudgetLine } from '../../../renderer/store/budgets';
import { createReportsModel } from '../../../renderer/workers/reports-model';
import type { ReportRequest, SummaryRequest } from '../../../renderer/workers/reports';
import type * as ReportData from '../../../renderer/store/report-data';
import type * as Catalog from '../../../renderer/store/catalog';
import { saveOfficeProgram } from '../../../renderer/store/catalog-edit';
import { BUILTIN_CATALOG } from '../../../shared/catalog/builtin';
import type * as PortfolioReport from '../../../shared/reports/portfolio-report';

const calls = vi.hoisted(() => ({ reads: [] as string[], portfolioBuilds: 0, catalogReads: 0 }));

vi.mock('../../../renderer/store/report-data', async (importOriginal) => {
  const real = await importOriginal<typeof ReportData>();
  const counted = Object.fromEntries(Object.entries(real.reportTables).map(([t, read]) => [t, () => (calls.reads.push(t), read())]));
  return { ...real, reportTables: counted as typeof real.reportTables };
});

vi.mock('../../../renderer/store/catalog', async (importOriginal) => {
  const real = await importOriginal<typeof Catalog>();
  return { ...real, loadPrograms: () => (calls.catalogReads++, real.loadPrograms()) };
});

vi.mock('../../../shared/reports/portfolio-report', async (importOriginal) => {
  const real = await importOriginal<typeof PortfolioReport>();
  return { ...real, buildPortfolioReport: (...args: Parameters<typeof real.buildPortfolioReport>) => (calls.portfolioBuilds++, real.buildPortfolioReport(...args)) };
});

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
  calls.reads = [];
  calls.portfolioBuilds = 0;
  calls.catalogReads = 0;
});

const today = '2025-11-28';
const summaryReq: SummaryRequest = { today, fiscalYear: 2025, catalog: 0, probability: {}, effortThresholdPercent: null };
// What ReportsScreen asks for on opening: this fiscal year, no what-if.
const openingReq: ReportRequest = { today, from: '2025-04-01', to: '2026-03-31', catalog: 0, fromFiscalYear: 2025, probability: {}, whatIf: [], listLimit: 300 };

async function project(code: string) {
  const r = await saveProject({ ...blankProjectInput(), code, title: code, startDate: '2025-04-01', endDate: '2027-03-31', status: 'active' });
  if (!r.ok) throw new Error('save failed');
  return r.project;
}

const directOf = (rows: { fiscalYear: number; directYen: number }[]) => rows.filter((r) => r.fiscalYear === 2025).reduce((s, r) => s + r.directYen, 0);

describe('reports model', () => {
  it('answers the summary and the Reports screen from one read, with the opening reports built after the summary', async () => {
    const a = await project('A');
    await saveBudgetLine(a.id, 2025, 1_000_000, 300_000);
    const idle: (() => void)[] = [];
    const model = createReportsModel((run) => idle.push(run));

    const summary = await model.summarise(summaryReq);
    expect(summary.totals.program.reduce((s, t) => s + t.directYen, 0)).toBe(1_000_000);
    expect(calls.reads.sort()).toEqual(['budgetLines', 'milestones', 'projects']);
    expect(calls.portfolioBuilds).toBe(0);
    expect(idle).toHaveLength(1);
    idle.shift()!();
    expect(calls.portfolioBuilds).toBe(1);

    // The first visit neither reads the big tables again nor builds: the opening reports are there.
    const answer = await model.build(openingReq);
    expect(calls.reads).toHaveLength(3);
    expect(calls.portfolioBuilds).toBe(1);
    expect(directOf(answer.report.byProgram)).toBe(1_000_000);

    // Another period is built from the same read.
    await model.build({ ...openingReq, from: '2024-04-01' });
    expect(calls.reads).toHaveLength(3);
    expect(calls.portfolioBuilds).toBe(2);
  });

  it('reads again only the table a write touched, and builds anew', async () => {
    const a = await project('A');
    await saveBudgetLine(a.id, 2025, 1_000_000, 300_000);
    const model = createReportsModel((run) => run());
    await model.summarise(summaryReq);
    await model.build(openingReq);
    const builds = calls.portfolioBuilds;
    calls.reads = [];

    await saveBudgetLine(a.id, 2025, 2_000_000, 600_000);
    const answer = await model.build(openingReq);
    // The projects stay kept (the tables the counters say were written since are read again).
    expect(calls.reads).toContain('budgetLines');
    expect(calls.reads).not.toContain('projects');
    const reads = calls.reads.length;
    expect(calls.portfolioBuilds).toBe(builds + 1);
    expect(directOf(answer.report.byProgram)).toBe(2_000_000);
    const summary = await model.summarise(summaryReq);
    expect(calls.reads).toHaveLength(reads);
    expect(summary.totals.program.reduce((s, t) => s + t.directYen, 0)).toBe(2_000_000);
  });

  it('reads the catalog once per catalog count, for the summary, the reports and the workbook alike', async () => {
    const builtin = BUILTIN_CATALOG.programs[0]!;
    const r = await saveProject({ ...blankProjectInput(), code: 'P', title: 'P', programId: builtin.id, startDate: '2025-04-01', endDate: '2027-03-31', status: 'active' });
    if (!r.ok) throw new Error('save failed');
    await saveBudgetLine(r.project.id, 2025, 1_000_000, 0);
    // (The save itself reads the catalog for the project's rules.)
    calls.catalogReads = 0;
    const model = createReportsModel((run) => run());
    const names = (a: Awaited<ReturnType<typeof model.build>>) => [...new Set(a.report.byProgram.map((row) => row.label.ja))];

    await model.summarise(summaryReq);
    expect(names(await model.build(openingReq))).toEqual([builtin.nameJa]);
    const builds = calls.portfolioBuilds;
    await model.workbook({ today, catalog: 0, from: openingReq.from, to: openingReq.to, fromFiscalYear: 2025, whatIf: [], lang: 'ja' }, () => undefined);
    expect(calls.catalogReads).toBe(1);
    // The workbook was written from the reports built for the screen (same catalog array, same tables).
    expect(calls.portfolioBuilds).toBe(builds);

    // The office renames the program: the page counts the write, and the next request's count reads the catalog again.
    const saved = await saveOfficeProgram({ ...builtin, nameJa: '改名した事業' });
    expect(saved.ok).toBe(true);
    expect(names(await model.build({ ...openingReq, catalog: 1 }))).toEqual(['改名した事業']);
    await model.summarise({ ...summaryReq, catalog: 1 });
    expect(calls.catalogReads).toBe(2);
  });
});
