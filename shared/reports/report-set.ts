// The Reports screen's two reports from one set of inputs. The screen's Worker builds them and writes the workbook
// from them, so what the screen shows and what the workbook holds are built the same way; `ReportSetMemo` keeps what
// was built so the workbook (or a new what-if) does not aggregate 250,000 records again when its inputs did not change.
import type { CatalogProgram } from '../catalog/schema';
import type { Application } from '../domain/planning';
import type { BudgetLine, IsoDate, Milestone, Project } from '../domain/types';
import type { ProbabilitySettings, WhatIf } from '../planning/forecast';
import { buildPlanningReport } from './planning-report';
import type { PlanningReport } from './planning-report';
import { buildPortfolioReport } from './portfolio-report';
import type { PortfolioReport } from './portfolio-report';

/** The big tables, read together: a memo compares them by identity (a new read gives new arrays). */
export interface ReportCore {
  projects: readonly Project[];
  budgetLines: readonly BudgetLine[];
  milestones: readonly Milestone[];
}

export interface ReportSetData extends ReportCore {
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

export interface ReportSet {
  report: PortfolioReport;
  planning: PlanningReport;
}

const ordered = (req: ReportSetRequest): [IsoDate, IsoDate] => (req.from <= req.to ? [req.from, req.to] : [req.to, req.from]);

function portfolioOf(data: ReportCore, req: ReportSetRequest): PortfolioReport {
  const [from, to] = ordered(req);
  return buildPortfolioReport({ projects: data.projects, budgetLines: data.budgetLines, milestones: data.milestones, programs: req.programs, today: req.today, from, to });
}

function planningOf(data: ReportSetData, req: ReportSetRequest): PlanningReport {
  return buildPlanningReport({ projects: data.projects, budgetLines: data.budgetLines, applications: data.applications, programs: req.programs, fromFiscalYear: req.fromFiscalYear, settings: req.probability, whatIf: req.whatIf });
}

export function buildReportSet(data: ReportSetData, req: ReportSetRequest): ReportSet {
  return { report: portfolioOf(data, req), planning: planningOf(data, req) };
}

/** What each report depends on besides the big tables and the catalog, as one comparable text (the applications are
 * small; the catalog can hold thousands of programs, so it is compared by identity, not turned into text per request). */
const portfolioKey = (req: ReportSetRequest) => JSON.stringify([req.today, ...ordered(req)]);
const planningKey = (data: ReportSetData, req: ReportSetRequest) => JSON.stringify([data.applications, req.fromFiscalYear, req.probability, req.whatIf]);

interface Kept<T> {
  core: ReportCore;
  programs: readonly CatalogProgram[];
  key: string;
  value: T;
}

const sameCore = (a: ReportCore, b: ReportCore) => a.projects === b.projects && a.budgetLines === b.budgetLines && a.milestones === b.milestones;

function sameInputs<T>(kept: Kept<T> | null, core: ReportCore, programs: readonly CatalogProgram[], key: string): kept is Kept<T> {
  return kept !== null && sameCore(kept.core, core) && kept.programs === programs && kept.key === key;
}

/**
 * The last portfolio report and the last planning report built, each reused while its inputs are the same: the same
 * big tables and the same catalog (by identity: the caller reads again whenever the store's revision moved, and keeps
 * one catalog array until the catalog is written) and equal small inputs (by value). A what-if rebuilds only the planning report; a new period only the portfolio report.
 */
export class ReportSetMemo {
  private portfolio: Kept<PortfolioReport> | null = null;
  private planning: Kept<PlanningReport> | null = null;

  build(data: ReportSetData, req: ReportSetRequest): ReportSet {
    const core: ReportCore = { projects: data.projects, budgetLines: data.budgetLines, milestones: data.milestones };
    const { programs } = req;
    const pKey = portfolioKey(req);
    if (!sameInputs(this.portfolio, core, programs, pKey)) this.portfolio = { core, programs, key: pKey, value: portfolioOf(data, req) };
    const qKey = planningKey(data, req);
    if (!sameInputs(this.planning, core, programs, qKey)) this.planning = { core, programs, key: qKey, value: planningOf(data, req) };
    return { report: this.portfolio.value, planning: this.planning.value };
  }

  /** Lets go of the kept reports and the tables they were built from (before a new read, so both are not held). */
  clear(): void {
    this.portfolio = null;
    this.planning = null;
  }
}
