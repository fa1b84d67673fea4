// Messages between the Dashboard and its summary Worker (summary.worker.ts).
import type { CatalogProgram } from '../../../shared/catalog/schema';
import type { IsoDate } from '../../../shared/domain/types';
import type { BudgetTotal } from '../../../shared/portfolio/budget-aggregation';
import type { RiskFlag, RiskKind } from '../../../shared/portfolio/risk-flags';

export interface SummaryRequest {
  id: number;
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

export type SummaryResponse = ({ type: 'summary'; id: number } & DashboardSummary) | { type: 'failed'; id: number; message: string };
