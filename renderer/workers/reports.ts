// The reports Worker's protocol and the page's client: one Worker (reports.worker.ts, logic in reports-model.ts) serves
// both the Dashboard's summary and the Reports screen, so the big tables are read once for both (each read 250,000
// records at 50,000 projects, through the origin's one IndexedDB queue). One Worker for the page's life.
import type { IsoDate } from '../../shared/domain/types';
import type { BudgetTotal } from '../../shared/portfolio/budget-aggregation';
import type { RiskFlag, RiskKind } from '../../shared/portfolio/risk-flags';
import type { Forecast, ProbabilitySettings, WhatIf } from '../../shared/planning/forecast';
import type { PlanningReport } from '../../shared/reports/planning-report';
import type { PortfolioReport } from '../../shared/reports/portfolio-report';
import type { ResearcherEffort } from '../../shared/planning/effort';
import { WorkerClient } from '../platform/worker-client';
import { watchTables } from '../store/dashboard-data';

/** What every request carries instead of the programs. */
interface CatalogCounted {
  /** The page's count of writes to the catalog (catalogVersion): the Worker reads the programs itself and keeps them
   * while this stays the same (thousands of stored programs are neither copied into each request nor compared). */
  catalog: number;
}

export interface SummaryRequest extends CatalogCounted {
  today: IsoDate;
  /** Western fiscal year of `today`: the program and department totals are for this year. */
  fiscalYear: number;
  /** The office's planning rules (forecast probabilities, effort threshold). */
  probability: Partial<ProbabilitySettings>;
  effortThresholdPercent: number | null;
}

export interface DashboardSummary {
  /** The stored counts by status disagree with the projects themselves (the dashboard then recounts them). */
  countersStale: boolean;
  risks: { total: number; kindCounts: Record<RiskKind, number>; listed: (RiskFlag & { code: string })[] };
  totals: { year: BudgetTotal[]; program: BudgetTotal[]; department: BudgetTotal[] };
  /** The next fiscal years' forecast (from this year), in total and by program, department and funder. */
  forecast: Forecast;
  /** Display names of the forecast's groups. */
  forecastLabels: PlanningReport['labels'];
  /** Researchers over 100 % or the threshold in some year, with their names. */
  overCommitted: (ResearcherEffort & { name: string })[];
}

export interface ReportRequest extends CatalogCounted {
  today: IsoDate;
  from: IsoDate;
  to: IsoDate;
  /** Western fiscal year the forecast starts at. */
  fromFiscalYear: number;
  probability: Partial<ProbabilitySettings>;
  whatIf: WhatIf[];
  /** Rows of the schedule and risk lists sent back (the screen shows a page). */
  listLimit: number | null;
}

export interface ReportAnswer {
  report: PortfolioReport;
  /** The lists' full lengths (the report's own lists are cut to `listLimit`). */
  scheduleTotal: number;
  risksTotal: number;
  planning: PlanningReport;
}

/** The workbook's request: the forecast settings are read by the Worker as stored at the click, the catalog as of the
 * page's last catalog write (`catalog`). */
export interface WorkbookRequest extends CatalogCounted {
  today: IsoDate;
  from: IsoDate;
  to: IsoDate;
  fromFiscalYear: number;
  whatIf: WhatIf[];
  lang: 'ja' | 'en';
}

/** Steps the workbook job reports: the reports (kept, or read and built), then the write. */
export const WORKBOOK_STEPS = 2;

export interface ReportsApi {
  /** The Dashboard's heavy panels; once computed, the Worker builds the Reports screen's opening reports when idle. */
  summarise(req: SummaryRequest): Promise<DashboardSummary>;
  build(req: ReportRequest): Promise<ReportAnswer>;
  workbook(req: WorkbookRequest, onProgress: (done: number, total: number) => void): Promise<Uint8Array>;
}

let client: WorkerClient<ReportsApi> | null = null;
let catalogWrites = 0;

/** The page's one reports Worker, started on first use (and again after a cancelled workbook ended it). */
export function reportsClient(): WorkerClient<ReportsApi> {
  if (!client) {
    // Counted from the client's start: the Worker's first request reads the catalog whatever the count.
    watchTables(['programs'], () => catalogWrites++);
    client = new WorkerClient<ReportsApi>(() => new Worker(new URL('./reports.worker.ts', import.meta.url), { type: 'module' }));
  }
  return client;
}

/** What a request's `catalog` is: the catalog writes committed (here or in another window) since the client started. */
export function catalogVersion(): number {
  reportsClient();
  return catalogWrites;
}
