// What the Dashboard's summary Worker (summary.worker.ts) answers, called through the renderer's Worker client.
import type { CatalogProgram } from '../../../shared/catalog/schema';
import type { IsoDate } from '../../../shared/domain/types';
import type { BudgetTotal } from '../../../shared/portfolio/budget-aggregation';
import type { RiskFlag, RiskKind } from '../../../shared/portfolio/risk-flags';
import type { Forecast, ProbabilitySettings } from '../../../shared/planning/forecast';
import type { PlanningReport } from '../../../shared/reports/planning-report';
import type { ResearcherEffort } from '../../../shared/planning/effort';

export interface SummaryRequest {
  today: IsoDate;
  /** Western fiscal year of `today`: the program and department totals are for this year. */
  fiscalYear: number;
  programs: CatalogProgram[];
  /** The office's planning rules (forecast probabilities, effort threshold). */
  probability: Partial<ProbabilitySettings>;
  effortThresholdPercent: number | null;
}

export interface DashboardSummary {
  /** Open ('planned') milestones due before today. */
  overdue: number;
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

export interface SummaryApi {
  summarise(req: SummaryRequest): Promise<DashboardSummary>;
}
