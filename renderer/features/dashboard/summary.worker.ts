// The dashboard's heavy panels (risk flags and budget totals need every project and budget line) computed in a
// Worker that reads IndexedDB itself: at 50,000 projects that is seconds of reading and work which must not block
// the first screen or the main thread. Only the small summary the panels show travels back. One Worker for the page's
// life (use-dashboard-summary.ts): it keeps the big tables until the store's revision moves, and its last summary
// while neither they nor the request nor the small tables changed, so a later visit is answered from memory.
import { computeRiskFlags, RISK_KINDS } from '../../../shared/portfolio/risk-flags';
import type { RiskKind } from '../../../shared/portfolio/risk-flags';
import { budgetTotals } from '../../../shared/portfolio/budget-aggregation';
import { countByStatus, sameCounts } from '../../../shared/portfolio/status-counts';
import { dashboardTables, readDashboardSmall } from '../../store/dashboard-data';
import type { DashboardSmall, DashboardTables } from '../../store/dashboard-data';
import { KeptTables } from '../../store/kept-snapshot';
import type { PortfolioCounters } from '../../../shared/portfolio/status-counts';
import { buildPlanningReport } from '../../../shared/reports/planning-report';
import { researcherEffort } from '../../../shared/planning/effort';
import { serveWorkerApi } from '../../platform/worker-client';
import type { DashboardSummary, SummaryApi, SummaryRequest } from './summary-protocol';

/** Flags listed on the dashboard (the rest are counted). */
const LISTED = 15;

/** The last summary and what it was computed from: the kept tables (by identity) and the rest (by value). */
let last: { tables: DashboardTables; key: string; summary: DashboardSummary } | null = null;
// Dropped before a new read, so the old and the new tables are never held together.
const kept = new KeptTables(dashboardTables, () => (last = null));

async function summarise(req: SummaryRequest): Promise<DashboardSummary> {
  const [{ values, counters }, small] = await Promise.all([kept.current(), readDashboardSmall(req.today)]);
  const key = JSON.stringify([req, small, counters?.byStatus ?? null]);
  if (last && sameTables(last.tables, values) && last.key === key) return last.summary;
  last = { tables: values, key, summary: compute(req, values, counters, small) };
  return last.summary;
}

const sameTables = (a: DashboardTables, b: DashboardTables) => a.projects === b.projects && a.budgetLines === b.budgetLines && a.milestones === b.milestones;

function compute(req: SummaryRequest, { projects, budgetLines, milestones: milestoneFacts }: DashboardTables, counters: PortfolioCounters | null, { overdue, applications, researchers, memberships }: DashboardSmall): DashboardSummary {
  const planning = buildPlanningReport({ projects, budgetLines, applications, programs: req.programs, fromFiscalYear: req.fiscalYear, settings: req.probability });
  const names = new Map(researchers.map((r) => [r.id, r.name]));
  const overCommitted = researcherEffort({ researchers, memberships, projects, applications, thresholdPercent: req.effortThresholdPercent })
    .filter((e) => e.over100 || e.overThreshold)
    .map((e) => ({ ...e, name: names.get(e.researcherId) ?? '' }));
  const flags = computeRiskFlags({ projects, budgetLines, milestoneFacts, programs: req.programs, today: req.today });
  const codes = new Map(projects.map((p) => [p.id, p.code]));
  const kindCounts = Object.fromEntries(RISK_KINDS.map((k) => [k, 0])) as Record<RiskKind, number>;
  for (const f of flags) kindCounts[f.kind]++;
  return {
    overdue,
    countersStale: !!counters?.byStatus && !sameCounts(counters.byStatus, countByStatus(projects)),
    risks: { total: flags.length, kindCounts, listed: flags.slice(0, LISTED).map((f) => ({ ...f, code: codes.get(f.projectId) ?? '' })) },
    totals: {
      year: budgetTotals(budgetLines, projects, 'year'),
      program: budgetTotals(budgetLines, projects, 'program', req.fiscalYear),
      department: budgetTotals(budgetLines, projects, 'department', req.fiscalYear),
    },
    forecast: planning.forecast,
    forecastLabels: planning.labels,
    overCommitted,
  };
}

serveWorkerApi({ summarise } satisfies SummaryApi);
