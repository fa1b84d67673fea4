// What the Reports screen's Worker (report.worker.ts) answers, called through the renderer's Worker client: the
// screen's reports, and the reports workbook written from the same kept reports.
import type { CatalogProgram } from '../../../shared/catalog/schema';
import type { IsoDate } from '../../../shared/domain/types';
import type { ProbabilitySettings, WhatIf } from '../../../shared/planning/forecast';
import type { PortfolioReport } from '../../../shared/reports/portfolio-report';
import type { PlanningReport } from '../../../shared/reports/planning-report';

export interface ReportRequest {
  today: IsoDate;
  from: IsoDate;
  to: IsoDate;
  programs: CatalogProgram[];
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

/** The workbook's request: the catalog and the forecast settings are read by the Worker, as stored at the click. */
export interface WorkbookRequest {
  today: IsoDate;
  from: IsoDate;
  to: IsoDate;
  fromFiscalYear: number;
  whatIf: WhatIf[];
  lang: 'ja' | 'en';
}

/** Steps the workbook job reports: the reports (kept, or read and built), then the write. */
export const WORKBOOK_STEPS = 2;

export interface ReportApi {
  build(req: ReportRequest): Promise<ReportAnswer>;
  workbook(req: WorkbookRequest, onProgress: (done: number, total: number) => void): Promise<Uint8Array>;
}
