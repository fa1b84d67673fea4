// The planning tables of the Reports screen and the report workbook: success rates (program, funder, department,
// fiscal year) and the funding forecast (totals and by program, department, funder), with display labels, built
// once from the rules in shared/planning so the screen, the workbook and the CLI show the same figures.
import type { CatalogProgram } from '../catalog/schema';
import type { Application } from '../domain/planning';
import type { BudgetLine, Project } from '../domain/types';
import { buildForecast } from '../planning/forecast';
import type { Forecast, ProbabilitySettings, WhatIf } from '../planning/forecast';
import { programKeyLabel, programLookup } from '../planning/program-context';
import { overallSuccessRate, successRates } from '../planning/success-rates';
import type { SuccessDimension, SuccessRate } from '../planning/success-rates';

export interface LabelledRate extends SuccessRate {
  labelJa: string;
  labelEn: string;
}

export interface PlanningReport {
  successRates: Record<SuccessDimension, LabelledRate[]>;
  overall: SuccessRate;
  forecast: Forecast;
  /** Labels of the forecast's group keys. */
  labels: { program: Map<string, { ja: string; en: string }>; department: Map<string, { ja: string; en: string }>; funder: Map<string, { ja: string; en: string }> };
  whatIf: readonly WhatIf[];
}

export interface PlanningReportInput {
  projects: readonly Project[];
  budgetLines: readonly BudgetLine[];
  applications: readonly Application[];
  programs: readonly CatalogProgram[];
  fromFiscalYear: number;
  years?: number;
  settings?: Partial<ProbabilitySettings>;
  whatIf?: readonly WhatIf[];
}

const NOT_STATED = { ja: '（記載なし）', en: '(not stated)' };

export function buildPlanningReport(input: PlanningReportInput): PlanningReport {
  const programs = programLookup(input.programs);
  const label = (dimension: SuccessDimension, key: string) => {
    if (dimension === 'program') return { ja: programKeyLabel(programs, key, 'ja'), en: programKeyLabel(programs, key, 'en') };
    if (dimension === 'fiscalYear') return { ja: `${key}年度`, en: `FY${key}` };
    return key ? { ja: key, en: key } : NOT_STATED;
  };
  const rates = {} as Record<SuccessDimension, LabelledRate[]>;
  for (const d of ['program', 'funder', 'department', 'fiscalYear'] as const) {
    rates[d] = successRates(input.applications, d, programs).map((r) => {
      const l = label(d, r.key);
      return { ...r, labelJa: l.ja, labelEn: l.en };
    });
  }
  const forecast = buildForecast({
    projects: input.projects, budgetLines: input.budgetLines, applications: input.applications, programs, fromFiscalYear: input.fromFiscalYear,
    ...(input.years !== undefined ? { years: input.years } : {}), ...(input.settings ? { settings: input.settings } : {}), ...(input.whatIf ? { whatIf: input.whatIf } : {}),
  });
  const labels = {
    program: new Map(forecast.byProgram.map((g) => [g.key, label('program', g.key)])),
    department: new Map(forecast.byDepartment.map((g) => [g.key, label('department', g.key)])),
    funder: new Map(forecast.byFunder.map((g) => [g.key, label('funder', g.key)])),
  };
  return { successRates: rates, overall: overallSuccessRate(input.applications), forecast, labels, whatIf: input.whatIf ?? [] };
}
