// What the Dashboard's summary Worker (summary.worker.ts) answers, called through the renderer's Worker client.
import type { CatalogProgram } from '../../../shared/catalog/schema';
import type { IsoDate } from '../../../shared/domain/types';
import type { BudgetTotal } from '../../../shared/portfolio/budget-aggregation';
import type { RiskFlag, RiskKind } from '../../../shared/portfolio/risk-flags';

export interface SummaryRequest {
  today: IsoDate;
  /** Western fiscal year of `today`: the program and department totals are for this year. */
  fiscalYear: number;
  programs: CatalogProgram[];
}

export interface DashboardSummary {
  /** Open ('planned') milestones due before today. */
  overdue: number;
  /** The stored counts by status disagree with the projects themselves (the dashboard then recounts them). */
  countersStale: boolean;
  risks: { total: number; kindCounts: Record<RiskKind, number>; listed: (RiskFlag & { code: string })[] };
  totals: { year: BudgetTotal[]; program: BudgetTotal[]; department: BudgetTotal[] };
}

export interface SummaryApi {
  summarise(req: SummaryRequest): Promise<DashboardSummary>;
}
