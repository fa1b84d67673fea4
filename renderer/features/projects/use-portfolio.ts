// Live portfolio data shared by the Projects, Timeline and Dashboard screens: each table is read once per change
// through useLiveQuery, and derived data (risk flags, lookups) is memoised, so there are no per-row queries.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import type { BudgetLine, Milestone, Project } from '../../../shared/domain/types';
import { computeRiskFlags, flagsByProject } from '../../../shared/portfolio/risk-flags';
import type { RiskFlag } from '../../../shared/portfolio/risk-flags';
import { todayIso } from '../../../shared/calendar/fiscal-year';
import { db } from '../../store/db';
import { loadRiskMilestones } from '../../store/risks';
import { usePrograms } from '../../store/catalog';
import type { ProgramEntry } from '../../store/catalog';

export function useLang(): 'ja' | 'en' {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'ja';
}

/** Every project row (trash included; callers filter), or undefined while loading. */
export function useAllProjects(): Project[] | undefined {
  return useLiveQuery(() => db.projects.toArray(), []);
}

export function useAllBudgetLines(): BudgetLine[] | undefined {
  return useLiveQuery(() => db.budgetLines.toArray(), []);
}

export function useAllMilestones(): Milestone[] | undefined {
  return useLiveQuery(() => db.milestones.toArray(), []);
}

/** Just enough milestone data for risk flags (see loadRiskMilestones), far cheaper than every row. */
export function useRiskMilestones(): Milestone[] | undefined {
  return useLiveQuery(loadRiskMilestones, []);
}

const EMPTY_FLAGS = new Map<string, RiskFlag[]>();

/** Risk flags for all projects, grouped by project id; empty until every table has loaded. */
export function useRiskFlags(projects: Project[] | undefined, lines: BudgetLine[] | undefined, milestones: Milestone[] | undefined, programs: ProgramEntry[]) {
  return useMemo(() => {
    if (!projects || !lines || !milestones) return { list: [] as RiskFlag[], byProject: EMPTY_FLAGS };
    const list = computeRiskFlags({ projects, budgetLines: lines, milestones, programs, today: todayIso() });
    return { list, byProject: flagsByProject(list) };
  }, [projects, lines, milestones, programs]);
}

/** Program lookup by id. */
export function useProgramMap(): Map<string, ProgramEntry> {
  const programs = usePrograms();
  return useMemo(() => new Map(programs.map((p) => [p.id, p])), [programs]);
}

export { usePrograms };
