// The dashboard's heavy panels (risk flags and budget totals need every project and budget line) computed in a
// Worker that reads IndexedDB itself: at 50,000 projects that is seconds of reading and work which must not block
// the first screen or the main thread. Only the small summary the panels show travels back.
import { computeRiskFlags, RISK_KINDS } from '../../../shared/portfolio/risk-flags';
import type { RiskKind } from '../../../shared/portfolio/risk-flags';
import { budgetTotals } from '../../../shared/portfolio/budget-aggregation';
import { countByStatus, sameCounts } from '../../../shared/portfolio/status-counts';
import { readDashboardData } from '../../store/dashboard-data';
import type { SummaryRequest, SummaryResponse } from './summary-protocol';

interface WorkerScope {
  onmessage: ((e: MessageEvent<SummaryRequest>) => void) | null;
  postMessage(message: SummaryResponse): void;
}
const scope = globalThis as unknown as WorkerScope;

/** Flags listed on the dashboard (the rest are counted). */
const LISTED = 15;

async function summarise(req: SummaryRequest): Promise<SummaryResponse> {
  const { projects, counters, budgetLines, milestoneFacts, overdue } = await readDashboardData(req.today);
  const flags = computeRiskFlags({ projects, budgetLines, milestoneFacts, programs: req.programs, today: req.today });
  const codes = new Map(projects.map((p) => [p.id, p.code]));
  const kindCounts = Object.fromEntries(RISK_KINDS.map((k) => [k, 0])) as Record<RiskKind, number>;
  for (const f of flags) kindCounts[f.kind]++;
  return {
    type: 'summary',
    id: req.id,
    overdue,
    countersStale: !!counters?.byStatus && !sameCounts(counters.byStatus, countByStatus(projects)),
    risks: { total: flags.length, kindCounts, listed: flags.slice(0, LISTED).map((f) => ({ ...f, code: codes.get(f.projectId) ?? '' })) },
    totals: {
      year: budgetTotals(budgetLines, projects, 'year'),
      program: budgetTotals(budgetLines, projects, 'program', req.fiscalYear),
      department: budgetTotals(budgetLines, projects, 'department', req.fiscalYear),
    },
  };
}

scope.onmessage = (e) => {
  summarise(e.data).then(
    (r) => scope.postMessage(r),
    (err: unknown) => scope.postMessage({ type: 'failed', id: e.data.id, message: err instanceof Error ? err.message : String(err) }),
  );
};
