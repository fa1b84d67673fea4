// The store's reads for the portfolio screens (Projects, Timeline, a project's panel, the trash), one named hook per
// use, so no feature queries a Dexie table: each reads exactly what that screen read before, and re-reads on change.
import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { AuditEntry, BudgetLine, Milestone, Project } from '../../shared/domain/types';
import { todayIso } from '../../shared/calendar/fiscal-year';
import { computeRiskFlags, flagsByProject } from '../../shared/portfolio/risk-flags';
import type { MilestoneFacts, RiskFlag } from '../../shared/portfolio/risk-flags';
import { peekUndo, projectLog } from './audit';
import { usePrograms } from './catalog';
import type { ProgramEntry } from './catalog';
import { db } from './db';
import { listTrash } from './projects';
import { loadMilestoneFacts } from './risks';

/** Every project row (trash included; callers filter in memory), or undefined while loading. */
export function usePortfolioProjects(): Project[] | undefined {
  return useLiveQuery(() => db.projects.toArray(), []);
}

/** Every budget line (the list's totals and risk flags). */
export function usePortfolioBudgetLines(): BudgetLine[] | undefined {
  return useLiveQuery(() => db.budgetLines.toArray(), []);
}

/** Every milestone (the Timeline's markers). */
export function usePortfolioMilestones(): Milestone[] | undefined {
  return useLiveQuery(() => db.milestones.toArray(), []);
}

/** Just what risk flags need from the milestones (see loadMilestoneFacts), far cheaper than every row. */
export function useMilestoneFacts(): MilestoneFacts | undefined {
  return useLiveQuery(loadMilestoneFacts, []);
}

const EMPTY_FLAGS = new Map<string, RiskFlag[]>();

/** Risk flags for all projects, grouped by project id; empty until every input has loaded. */
export function useRiskFlags(projects: Project[] | undefined, lines: BudgetLine[] | undefined, facts: MilestoneFacts | undefined, programs: ProgramEntry[]) {
  return useMemo(() => {
    if (!projects || !lines || !facts) return { list: [] as RiskFlag[], byProject: EMPTY_FLAGS };
    const list = computeRiskFlags({ projects, budgetLines: lines, milestoneFacts: facts, programs, today: todayIso() });
    return { list, byProject: flagsByProject(list) };
  }, [projects, lines, facts, programs]);
}

/** Program lookup by id. */
export function useProgramMap(): Map<string, ProgramEntry> {
  const programs = usePrograms();
  return useMemo(() => new Map(programs.map((p) => [p.id, p])), [programs]);
}

/** One project (null when gone), undefined while loading. */
export function useProject(id: string): Project | null | undefined {
  return useLiveQuery(async () => (await db.projects.get(id)) ?? null, [id]);
}

/** A project's budget lines by fiscal year. */
export function useProjectBudget(projectId: string): BudgetLine[] | undefined {
  return useLiveQuery(() => db.budgetLines.where('projectId').equals(projectId).sortBy('fiscalYear'), [projectId]);
}

/** A project's milestones by due date. */
export function useProjectMilestones(projectId: string): Milestone[] | undefined {
  return useLiveQuery(() => db.milestones.where('projectId').equals(projectId).sortBy('dueDate'), [projectId]);
}

/** A project's change history, newest first. */
export function useProjectHistory(projectId: string): AuditEntry[] | undefined {
  return useLiveQuery(() => projectLog(projectId), [projectId]);
}

/** Projects in the trash, newest deletion first. */
export function useTrash(): Project[] | undefined {
  return useLiveQuery(listTrash, []);
}

/** The action "undo" would revert next (undefined: none, or loading). */
export function useNextUndo(): AuditEntry | undefined {
  return useLiveQuery(peekUndo, []);
}

/**
 * Live projects mapped to a program, by code, at most `limit` (the total counted only past it), through the
 * programId index; null while loading.
 */
export function useProgramProjects(programId: string, limit: number): { rows: Project[]; total: number } | null {
  return useLiveQuery(
    async () => {
      const rows = await db.projects.where('programId').equals(programId).filter((x) => !x.deletedAt).limit(limit + 1).toArray();
      const total = rows.length > limit ? await db.projects.where('programId').equals(programId).filter((x) => !x.deletedAt).count() : rows.length;
      return { rows: rows.slice(0, limit).sort((a, b) => a.code.localeCompare(b.code)), total };
    },
    [programId, limit],
    null,
  );
}
