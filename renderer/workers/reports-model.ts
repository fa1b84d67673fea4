// The reports Worker's work (reports.worker.ts serves it): the Dashboard's summary and the Reports screen's reports and
// workbook from one kept read of the big tables. Two Workers each read them before (the summary at start, the reports
// on Reports' first visit: seconds at 50,000 projects, mostly waiting on IndexedDB's one queue); now the first visit
// finds them read, and, once the summary is computed, the screen's opening reports built. See docs/performance.md.
import { computeRiskFlags, RISK_KINDS } from '../../shared/portfolio/risk-flags';
import type { RiskKind } from '../../shared/portfolio/risk-flags';
import { budgetTotals } from '../../shared/portfolio/budget-aggregation';
import { countByStatus, sameCounts } from '../../shared/portfolio/status-counts';
import type { PortfolioCounters } from '../../shared/portfolio/status-counts';
import { buildPlanningReport } from '../../shared/reports/planning-report';
import { researcherEffort } from '../../shared/planning/effort';
import { fiscalYearRange } from '../../shared/calendar/fiscal-year';
import { ReportSetMemo } from '../../shared/reports/report-set';
import type { ReportCore, ReportSetRequest } from '../../shared/reports/report-set';
import { reportWorkbookSheets } from '../../shared/reports/report-workbook';
import { planningReportSheets } from '../../shared/reports/planning-report-workbook';
import { readDashboardSmall } from '../store/dashboard-data';
import type { DashboardSmall } from '../store/dashboard-data';
import { readApplications, reportTables } from '../store/report-data';
import { KeptTables } from '../store/kept-snapshot';
import { loadPrograms } from '../store/catalog';
import type { ProgramEntry } from '../store/catalog';
import { loadPlanningSettings } from '../store/planning';
import { WORKBOOK_STEPS } from './reports';
import type { DashboardSummary, ReportAnswer, ReportsApi, ReportRequest, SummaryRequest, WorkbookRequest } from './reports';

/** Flags listed on the dashboard (the rest are counted). */
const LISTED = 15;

/**
 * What the Reports screen asks for when it opens (ReportsScreen's initial state): this fiscal year's schedule, the
 * forecast from it, no what-if, with the catalog and forecast settings the summary was asked with.
 */
export function openingReportRequest(req: SummaryRequest, programs: readonly ProgramEntry[]): ReportSetRequest {
  const { start, end } = fiscalYearRange(req.fiscalYear);
  return { today: req.today, from: start, to: end, programs, fromFiscalYear: req.fiscalYear, probability: req.probability, whatIf: [] };
}

/**
 * `idle` runs the opening reports' build after the summary is answered (a task of its own in the Worker, so a request
 * already queued is not delayed by it beyond one build, and the summary is not delayed at all).
 */
export function createReportsModel(idle: (run: () => void) => void = (run) => setTimeout(run, 0)): ReportsApi {
  const memo = new ReportSetMemo();
  /** The last summary and what it was computed from: the kept tables (by identity) and the rest (by value). */
  let last: { tables: ReportCore; programs: readonly ProgramEntry[]; key: string; summary: DashboardSummary } | null = null;
  /** The catalog as read for the page's `catalog` count: one array per catalog state, so what was built from it can tell. */
  let catalog: { version: number; programs: Promise<ProgramEntry[]> } | null = null;
  const programsAt = (version: number): Promise<ProgramEntry[]> => {
    if (catalog?.version !== version) {
      const programs = loadPrograms();
      catalog = { version, programs };
      // A failed read is not kept: the next request reads again.
      programs.catch(() => {
        if (catalog?.programs === programs) catalog = null;
      });
    }
    return catalog.programs;
  };
  // Both let go before a new read, so the old and the new tables are never held together.
  const core = new KeptTables(reportTables, () => {
    memo.clear();
    last = null;
  });

  /** The two reports from the data as stored now (the big tables kept or read again, the applications read now). */
  async function reportsNow(req: ReportSetRequest) {
    const [{ values }, applications] = await Promise.all([core.current(), readApplications()]);
    return memo.build({ ...values, applications }, req);
  }

  async function summarise(req: SummaryRequest): Promise<DashboardSummary> {
    const [{ values, counters }, small, programs] = await Promise.all([core.current(), readDashboardSmall(), programsAt(req.catalog)]);
    const key = JSON.stringify([req, small, counters?.byStatus ?? null]);
    if (last && sameTables(last.tables, values) && last.programs === programs && last.key === key) return last.summary;
    last = { tables: values, programs, key, summary: computeSummary(req, programs, values, counters, small) };
    // The tables are read already: the Reports screen's first visit then only finds what is built (its inputs are
    // compared again then, so a write or other settings meanwhile build anew).
    idle(() => {
      memo.build({ ...values, applications: small.applications }, openingReportRequest(req, programs));
      // Then SheetJS, so the first workbook does not wait for it either (loaded at the Worker's start, it delayed the summary).
      void loadSheetjs();
    });
    return last.summary;
  }

  async function build({ catalog: version, listLimit, ...req }: ReportRequest): Promise<ReportAnswer> {
    const { report, planning } = await reportsNow({ ...req, programs: await programsAt(version) });
    const cut = <T>(xs: T[]): T[] => (listLimit === null ? xs : xs.slice(0, listLimit));
    return { report: { ...report, schedule: cut(report.schedule), risks: cut(report.risks) }, scheduleTotal: report.schedule.length, risksTotal: report.risks.length, planning };
  }

  /** The workbook of the data as stored at the call: the forecast settings are read here too. */
  async function workbook(req: WorkbookRequest, onProgress: (done: number, total: number) => void): Promise<Uint8Array> {
    void onProgress(0, WORKBOOK_STEPS);
    const [programs, settings, { writeWorkbookBytes }] = await Promise.all([programsAt(req.catalog), loadPlanningSettings(), loadSheetjs()]);
    const { report, planning } = await reportsNow({ ...req, programs, probability: settings.probability });
    void onProgress(1, WORKBOOK_STEPS);
    const bytes = writeWorkbookBytes([...reportWorkbookSheets(report, req.lang), ...planningReportSheets(planning, req.lang)]);
    void onProgress(2, WORKBOOK_STEPS);
    return bytes;
  }

  return { summarise, build, workbook };
}

/** SheetJS, imported after the Worker's first summary or at the first workbook: at module load it builds its CRC table
 * (0.15 s), which at the Worker's start delayed the summary. */
const loadSheetjs = () => import('../../shared/excel/sheetjs');

const sameTables = (a: ReportCore, b: ReportCore) => a.projects === b.projects && a.budgetLines === b.budgetLines && a.milestones === b.milestones;

function computeSummary(req: SummaryRequest, programs: readonly ProgramEntry[], { projects, budgetLines, milestones }: ReportCore, counters: PortfolioCounters | null, { applications, researchers, memberships }: DashboardSmall): DashboardSummary {
  const planning = buildPlanningReport({ projects, budgetLines, applications, programs, fromFiscalYear: req.fiscalYear, settings: req.probability });
  const names = new Map(researchers.map((r) => [r.id, r.name]));
  const overCommitted = researcherEffort({ researchers, memberships, projects, applications, thresholdPercent: req.effortThresholdPercent })
    .filter((e) => e.over100 || e.overThreshold)
    .map((e) => ({ ...e, name: names.get(e.researcherId) ?? '' }));
  const flags = computeRiskFlags({ projects, budgetLines, milestones, programs, today: req.today });
  const codes = new Map(projects.map((p) => [p.id, p.code]));
  const kindCounts = Object.fromEntries(RISK_KINDS.map((k) => [k, 0])) as Record<RiskKind, number>;
  for (const f of flags) kindCounts[f.kind]++;
  return {
    countersStale: !!counters?.byStatus && !sameCounts(counters.byStatus, countByStatus(projects)),
    risks: { total: flags.length, kindCounts, listed: flags.slice(0, LISTED).map((f) => ({ ...f, code: codes.get(f.projectId) ?? '' })) },
    totals: {
      year: budgetTotals(budgetLines, projects, 'year'),
      program: budgetTotals(budgetLines, projects, 'program', req.fiscalYear),
      department: budgetTotals(budgetLines, projects, 'department', req.fiscalYear),
    },
    forecast: planning.forecast,
    forecastLabels: planning.labels,
    overCommitted,
  };
}
