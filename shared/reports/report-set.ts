// The Reports screen's two reports from one set of inputs. The screen's Worker and the report-workbook job's Worker
// both call this, so what the screen shows and what the workbook holds are built the same way.
import type { CatalogProgram } from '../catalog/schema';
import type { Application } from '../domain/planning';
import type { BudgetLine, IsoDate, Milestone, Project } from '../domain/types';
import type { ProbabilitySettings, WhatIf } from '../planning/forecast';
import { buildPlanningReport } from './planning-report';
import type { PlanningReport } from './planning-report';
import { buildPortfolioReport } from './portfolio-report';
import type { PortfolioReport } from './portfolio-report';

export interface ReportSetData {
  projects: readonly Project[];
  budgetLines: readonly BudgetLine[];
  milestones: readonly Milestone[];
  applications: readonly Application[];
}

export interface ReportSetRequest {
  today: IsoDate;
  /** Schedule period, inclusive, in either order. */
  from: IsoDate;
  to: IsoDate;
  programs: readonly CatalogProgram[];
  /** Western fiscal year the forecast starts at. */
  fromFiscalYear: number;
  probability: Partial<ProbabilitySettings>;
  whatIf: readonly WhatIf[];
}

export function buildReportSet(data: ReportSetData, req: ReportSetRequest): { report: PortfolioReport; planning: PlanningReport } {
  const [from, to] = req.from <= req.to ? [req.from, req.to] : [req.to, req.from];
  return {
    report: buildPortfolioReport({ projects: data.projects, budgetLines: data.budgetLines, milestones: data.milestones, programs: req.programs, today: req.today, from, to }),
    planning: buildPlanningReport({ projects: data.projects, budgetLines: data.budgetLines, applications: data.applications, programs: req.programs, fromFiscalYear: req.fromFiscalYear, settings: req.probability, whatIf: req.whatIf }),
  };
}
