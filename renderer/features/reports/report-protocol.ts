// What the Reports screen's Worker (report.worker.ts) answers, called through the renderer's Worker client.
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
  /** Rows of the schedule and risk lists sent back (the screen shows a page; the workbook asks for all: null). */
  listLimit: number | null;
  /** Goes up when a table the reports read changed (the Worker then reads again even if the revision did not move:
   * planning tables do not bump it). */
  stamp: number;
}

export interface ReportAnswer {
  report: PortfolioReport;
  /** The lists' full lengths (the report's own lists are cut to `listLimit`). */
  scheduleTotal: number;
  risksTotal: number;
  planning: PlanningReport;
}

export interface ReportApi {
  build(req: ReportRequest): Promise<ReportAnswer>;
}
